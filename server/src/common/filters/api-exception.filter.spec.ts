import { BadRequestException, Logger } from '@nestjs/common';
import { DomainException, InputErrorCode, InputException, type ApiErrorCode } from '../errors/domain.exception.js';
import { ApiExceptionFilter } from './api-exception.filter.js';

/** A feature module's error as the filter sees it: its own code, mapped to an API code. */
class ShelfException extends DomainException<'SHELF_NOT_FOUND'> {
  protected readonly apiCodes: Record<'SHELF_NOT_FOUND', ApiErrorCode> = { SHELF_NOT_FOUND: 'NOT_FOUND' };
}

describe('ApiExceptionFilter.describe', () => {
  const filter = new ApiExceptionFilter();
  beforeAll(() => Logger.overrideLogger(false));

  it('reports a domain error with its API code and its own code as the reason', () => {
    expect(filter.describe(new ShelfException('SHELF_NOT_FOUND', 'no shelf 7'))).toMatchObject({ status: 404, code: 'NOT_FOUND', reason: 'SHELF_NOT_FOUND' });
    expect(filter.describe(new InputException(InputErrorCode.NO_FILES, 'no files'))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'NO_FILES' });
  });

  it('reports an unreachable database as DATABASE_UNAVAILABLE, wrapped or not', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(filter.describe(refused)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    const wrapped = Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('terminating connection'), { code: '57P01' }) });
    expect(filter.describe(wrapped).code).toBe('DATABASE_UNAVAILABLE');
  });

  it('keeps HTTP errors of the framework and hides the internals of anything else', () => {
    expect(filter.describe(new BadRequestException('Unexpected field'))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    const internal = filter.describe(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(internal).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(internal.message).not.toContain('undefined');
  });
});
