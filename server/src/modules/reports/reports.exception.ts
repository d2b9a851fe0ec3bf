import { errorFamily } from '@ogi/domain';

export enum ReportsErrorCode {
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
}

export class ReportsException extends errorFamily<ReportsErrorCode>({
  [ReportsErrorCode.REPORT_NOT_FOUND]: 'NOT_FOUND',
}) {
  static notFound(id: string): ReportsException {
    return new ReportsException(ReportsErrorCode.REPORT_NOT_FOUND, `找不到该年报（id ${id}）。No report with id ${id}.`, { id });
  }
}
