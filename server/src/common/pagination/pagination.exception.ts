import { errorFamily } from '@ogi/domain';

export enum PaginationErrorCode {
  INVALID_CURSOR = 'INVALID_CURSOR',
  FIRST_AND_LAST = 'FIRST_AND_LAST',
}

/** A page asked for in a way no list can answer: a cursor this list did not give, or `first` and `last` at once. */
export class PaginationException extends errorFamily<PaginationErrorCode>({
  [PaginationErrorCode.INVALID_CURSOR]: 'BAD_USER_INPUT',
  [PaginationErrorCode.FIRST_AND_LAST]: 'BAD_USER_INPUT',
}) {
  static invalidCursor(argument: 'after' | 'before'): PaginationException {
    return new PaginationException(
      PaginationErrorCode.INVALID_CURSOR,
      `${argument}: 分页游标无效，请原样使用本列表上一页返回的 cursor（游标不能修改，也不能用于其他列表）。` +
        `The cursor is not valid: pass a cursor this list returned, unchanged.`,
      { argument },
    );
  }

  static firstAndLast(): PaginationException {
    return new PaginationException(
      PaginationErrorCode.FIRST_AND_LAST,
      'first 与 last 只能给一个：向后翻页用 first/after，向前翻页用 last/before。Give first or last, not both: first/after pages forward, last/before backward.',
    );
  }
}
