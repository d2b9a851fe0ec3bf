import { DomainException, type ApiErrorCode } from '../../common/errors/domain.exception.js';

export enum AgenciesErrorCode {
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
}

export class AgenciesException extends DomainException<AgenciesErrorCode> {
  protected readonly apiCodes: Record<AgenciesErrorCode, ApiErrorCode> = {
    [AgenciesErrorCode.AGENCY_NOT_FOUND]: 'NOT_FOUND',
  };

  static notFound(id: string): AgenciesException {
    return new AgenciesException(AgenciesErrorCode.AGENCY_NOT_FOUND, `找不到该机关（id ${id}）。No agency with id ${id}.`, { id });
  }
}
