import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import { AgencySelectionQuery, numbers } from '../../analytics/exports/comparison-export.query.js';
import { IsYearList } from '../../analytics/dto/years.js';

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
  @IsYearList({ atLeastOne: false })
  years?: number[];
}
