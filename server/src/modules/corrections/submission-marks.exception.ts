import { errorFamily } from '@ogi/domain';

export enum SubmissionMarkErrorCode {
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  DEADLINE_NOT_PASSED = 'DEADLINE_NOT_PASSED',
  REPORT_EXISTS = 'REPORT_EXISTS',
  ALREADY_MARKED = 'ALREADY_MARKED',
  NOT_MARKED = 'NOT_MARKED',
}

/** A missing mark refused for a reason the editor can act on; nothing was changed. */
export class SubmissionMarkException extends errorFamily<SubmissionMarkErrorCode>({
  [SubmissionMarkErrorCode.AGENCY_NOT_FOUND]: 'NOT_FOUND',
  [SubmissionMarkErrorCode.DEADLINE_NOT_PASSED]: 'BAD_USER_INPUT',
  [SubmissionMarkErrorCode.REPORT_EXISTS]: 'BAD_USER_INPUT',
  [SubmissionMarkErrorCode.ALREADY_MARKED]: 'BAD_USER_INPUT',
  [SubmissionMarkErrorCode.NOT_MARKED]: 'BAD_USER_INPUT',
}) {
  static agencyNotFound(id: string): SubmissionMarkException {
    return new SubmissionMarkException(SubmissionMarkErrorCode.AGENCY_NOT_FOUND, `找不到该机关（id ${id}）。No agency with id ${id}.`, { id });
  }

  static deadlineNotPassed(agency: string, year: number, deadline: string): SubmissionMarkException {
    return new SubmissionMarkException(
      SubmissionMarkErrorCode.DEADLINE_NOT_PASSED,
      `${agency} ${year} 年度报告的公布期限为 ${deadline}，尚未届满，不能标记为逾期未报。The ${year} report of ${agency} is due by ${deadline}; it cannot be marked missing before then.`,
      { year, deadline },
    );
  }

  static reportExists(agency: string, year: number): SubmissionMarkException {
    return new SubmissionMarkException(
      SubmissionMarkErrorCode.REPORT_EXISTS,
      `库中已有 ${agency} ${year} 年度报告，不能标记为未报。The database holds the ${year} report of ${agency}; it cannot be marked missing.`,
      { year },
    );
  }

  static alreadyMarked(agency: string, year: number): SubmissionMarkException {
    return new SubmissionMarkException(
      SubmissionMarkErrorCode.ALREADY_MARKED,
      `${agency} ${year} 年度已标记为逾期未报。${agency} is already marked missing for ${year}.`,
      { year },
    );
  }

  static notMarked(agency: string, year: number): SubmissionMarkException {
    return new SubmissionMarkException(
      SubmissionMarkErrorCode.NOT_MARKED,
      `${agency} ${year} 年度没有“逾期未报”标记，无需撤销。${agency} is not marked missing for ${year}; there is nothing to take back.`,
      { year },
    );
  }
}
