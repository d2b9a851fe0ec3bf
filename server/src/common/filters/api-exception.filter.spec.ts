import { BadRequestException, Logger } from '@nestjs/common';
import { errorFamily } from '@ogi/domain';
import { BatchError } from '@ogi/write-model/batches';
import { CorrectionError } from '@ogi/write-model/corrections';
import { InputErrorCode, InputException } from '../errors/input.exception.js';
import { ApiExceptionFilter } from './api-exception.filter.js';

/** A feature module's error as the filter sees it: its own code, mapped to an API code. */
class ShelfException extends errorFamily({ SHELF_NOT_FOUND: 'NOT_FOUND' }) {}

describe('ApiExceptionFilter.describe', () => {
  const filter = new ApiExceptionFilter();
  beforeAll(() => Logger.overrideLogger(false));

  it('reports a domain error with its API code and its own code as the reason', () => {
    expect(filter.describe(new ShelfException('SHELF_NOT_FOUND', 'no shelf 7'))).toMatchObject({ status: 404, code: 'NOT_FOUND', reason: 'SHELF_NOT_FOUND' });
    expect(filter.describe(new InputException(InputErrorCode.NO_FILES, 'no files'))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'NO_FILES' });
  });

  it("reports the write model's refusals as they are thrown, with the API code they carry", () => {
    const refused = new CorrectionError('VALUE_UNCHANGED', '该单元格已是这个值。The cell already has this value.');
    expect(filter.describe(refused)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      reason: 'VALUE_UNCHANGED',
      message: '该单元格已是这个值。The cell already has this value.',
    });
    expect(filter.describe(new CorrectionError('CELL_NOT_FOUND', 'no cell'))).toMatchObject({ status: 404, code: 'NOT_FOUND', reason: 'CELL_NOT_FOUND' });
    expect(filter.describe(new BatchError('BATCH_IN_PROGRESS', 'busy'))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'BATCH_IN_PROGRESS' });
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
