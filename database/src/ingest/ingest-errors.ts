/**
 * Why a file that parsed could still not be stored. Codes are stable (clients match on them); the parser's own
 * refusals keep their ParseErrorCode (@ogi/domain).
 */
import type { ParseErrorCode } from '@ogi/domain';

export const INGEST_ERROR_CODES = [
  'NO_AGENCY_NAME',
  'NO_DATA_YEAR',
  'NO_TEMPLATE',
  'VALUE_OUT_OF_RANGE',
  'BAD_PUBLICATION_DATE',
  'STORE_FAILED',
  'DATABASE_UNAVAILABLE',
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export const INGEST_ERROR_MESSAGES: Record<IngestErrorCode, { zh: string; en: string }> = {
  NO_AGENCY_NAME: {
    zh: '读不出这份年报的发布机关名称，无法归档。',
    en: 'The issuing agency could not be read from this report, so it cannot be filed.',
  },
  NO_DATA_YEAR: {
    zh: '读不出这份年报所报告的年度，无法归档。',
    en: 'The year this report covers could not be read, so it cannot be filed.',
  },
  NO_TEMPLATE: {
    zh: '无法判断这份年报采用的格式（2019 版或 2021 版），无法归档。',
    en: 'The report format (2019 or 2021 template) could not be determined, so it cannot be filed.',
  },
  VALUE_OUT_OF_RANGE: {
    zh: '表格中有数字大得不合常理（超过一万亿），可能是数字粘连或文件损坏，未导入。请核对原件。',
    en: 'A number in the tables is implausibly large (over one trillion): glued digits or a damaged file. Not imported; check the original.',
  },
  BAD_PUBLICATION_DATE: {
    zh: '年报上的发布日期不是有效日期，无法归档。请核对原件。',
    en: 'The publication date printed on the report is not a valid date, so it cannot be filed. Check the original.',
  },
  STORE_FAILED: {
    zh: '保存到数据库时出错，该文件未导入。请稍后重试。',
    en: 'The database failed while saving; the file was not imported. Try again later.',
  },
  DATABASE_UNAVAILABLE: {
    zh: '数据库暂时无法连接，该文件未导入。请稍后重试。',
    en: 'The database cannot be reached; the file was not imported. Try again shortly.',
  },
};

export type IngestFailureCode = ParseErrorCode | IngestErrorCode;
