import { errorFamily, type ThresholdErrorCode } from '@ogi/domain';

export type BriefingErrorCode = ThresholdErrorCode | 'FOLLOW_UP_NOT_FOUND' | 'STATUS_UNCHANGED' | 'AGENCY_NOT_FOUND' | 'INVALID_CONTACT';

/** Refusals of the bureau's briefing, thresholds, contacts and follow-ups; messages Chinese first, then English. */
export class BriefingException extends errorFamily<BriefingErrorCode>({
  UNKNOWN_METRIC: 'BAD_USER_INPUT',
  BOUNDS_OUT_OF_RANGE: 'BAD_USER_INPUT',
  BOUNDS_IN_WRONG_ORDER: 'BAD_USER_INPUT',
  INVALID_MIN_SAMPLE: 'BAD_USER_INPUT',
  FOLLOW_UP_NOT_FOUND: 'NOT_FOUND',
  STATUS_UNCHANGED: 'BAD_USER_INPUT',
  AGENCY_NOT_FOUND: 'NOT_FOUND',
  INVALID_CONTACT: 'BAD_USER_INPUT',
}) {
  static followUpNotFound(id: string): BriefingException {
    return new BriefingException('FOLLOW_UP_NOT_FOUND', `找不到督办事项（id ${id}）。No follow-up item with id ${id}.`, { id });
  }

  static agencyNotFound(id: string): BriefingException {
    return new BriefingException('AGENCY_NOT_FOUND', `找不到机关（id ${id}）。No agency with id ${id}.`, { id });
  }
}
