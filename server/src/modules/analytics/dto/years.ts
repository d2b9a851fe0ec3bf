import { METRICS } from '@ogi/domain';

/** Bounds every year argument shares: the report table's CHECK (2000–2100) and at most 20 years per query. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_YEARS = 20;
/** Every metric of the dictionary may be asked for at once. */
export const MAX_METRICS = METRICS.length;
export const YEAR_MESSAGE = `年份须为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数。Years must be whole numbers from ${MIN_YEAR} to ${MAX_YEAR}.`;
