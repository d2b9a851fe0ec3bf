import { applyDecorators } from '@nestjs/common';
import { METRICS } from '@ogi/domain';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

/** Bounds every year argument shares: the report table's CHECK (2000–2100) and at most 20 years per query. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_YEARS = 20;
/** Every metric of the dictionary may be asked for at once. */
export const MAX_METRICS = METRICS.length;
export const YEAR_MESSAGE = `年份须为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数。Years must be whole numbers from ${MIN_YEAR} to ${MAX_YEAR}.`;

/**
 * The checks every list of data years takes, with its messages: whole years from MIN_YEAR to MAX_YEAR, at most
 * MAX_YEARS of them and, unless `atLeastOne` is false (an optional filter), at least one.
 */
export function IsYearList({ atLeastOne = true }: { atLeastOne?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ...(atLeastOne ? [ArrayMinSize(1, { message: 'years: 至少选择一个年份。Give at least one year.' })] : []),
    ArrayMaxSize(MAX_YEARS, { message: `years: 最多 ${MAX_YEARS} 个年份。At most ${MAX_YEARS} years.` }),
    IsInt({ each: true, message: YEAR_MESSAGE }),
    Min(MIN_YEAR, { each: true, message: YEAR_MESSAGE }),
    Max(MAX_YEAR, { each: true, message: YEAR_MESSAGE }),
  );
}

/** The checks every list of metric codes takes: 1–MAX_METRICS codes (codes the dictionary lacks are refused by name when the query runs). */
export function IsMetricCodeList(): PropertyDecorator {
  return applyDecorators(
    ArrayMinSize(1, { message: 'metrics: 至少选择一个指标。Give at least one metric.' }),
    ArrayMaxSize(MAX_METRICS, { message: `metrics: 最多 ${MAX_METRICS} 个指标。At most ${MAX_METRICS} metrics.` }),
    IsString({ each: true }),
    MaxLength(80, { each: true }),
  );
}
