import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AgencySelectionQuery, numbers } from '../../analytics/exports/comparison-export.query.js';
import { MAX_YEAR, MAX_YEARS, MIN_YEAR, YEAR_MESSAGE } from '../../analytics/dto/years.js';

export const DATASET_FORMATS = ['csv', 'parquet'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/**
 * `GET /api/exports/dataset.zip?format=csv|parquet&years=2023,2024` and an AgencySelection
 * (`agencyIds`, `parentId`, `includeDescendants`, `includeParent`, `kinds`, `levels`); nothing selected = every
 * agency the caller may see, every year.
 */
export class DatasetDownloadQuery extends AgencySelectionQuery {
  @IsOptional()
  @IsIn(DATASET_FORMATS, { message: 'format: 只能是 csv 或 parquet。The format must be csv or parquet.' })
  format?: DatasetFormat;

  @IsOptional()
  @Transform(numbers)
  @IsArray()
  @ArrayMaxSize(MAX_YEARS, { message: `years: 最多 ${MAX_YEARS} 个年份。At most ${MAX_YEARS} years.` })
  @IsInt({ each: true, message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { each: true, message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { each: true, message: YEAR_MESSAGE })
  years?: number[];
}
