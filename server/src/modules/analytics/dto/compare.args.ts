import { ArgsType, Field, Int } from '@nestjs/graphql';
import { SORT_DIRECTIONS, type SortDirection } from '@ogi/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { SortDirectionEnum } from '../../../common/graphql/domain-enums.js';
import { MAX_PAGE_SIZE } from '../../../common/graphql/paging.args.js';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_METRICS, MAX_YEAR, MAX_YEARS, MIN_YEAR, YEAR_MESSAGE, IsYearList, IsMetricCodeList } from './years.js';

@ArgsType()
export class CompareArgs {
  @Field(() => AgencySelectionInput, { description: 'The agencies to compare (at most 3 000).' })
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection!: AgencySelectionInput;

  @Field(() => [Int], { description: `Years (data years), 1–${MAX_YEARS} of them.` })
  @IsYearList()
  years!: number[];

  @Field(() => [String], { description: `Metric codes (see metricDefinitions), 1–${MAX_METRICS} of them.` })
  @IsMetricCodeList()
  metrics!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Order the agencies by this metric (one of `metrics`) in `sortYear`: agencies without a value (no report, or a null value) last either way, ties by name. Default: by name.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  sortMetric?: string | null;

  @Field(() => Int, { nullable: true, description: 'With sortMetric: the year whose values order the agencies (one of `years`; default the latest).' })
  @IsOptional()
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  sortYear?: number | null;

  @Field(() => SortDirectionEnum, { nullable: true, description: 'Default DESC with sortMetric (largest first), ASC by name.' })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS, { message: 'sortDirection: 只能是 ASC 或 DESC。Must be ASC or DESC.' })
  sortDirection?: SortDirection | null;

  @Field(() => Int, {
    nullable: true,
    description: `A page of the agencies in that order: this many (1–${MAX_PAGE_SIZE}), with the values of these only. Default: every agency.`,
  })
  @IsOptional()
  @IsInt({ message: `take: 须为 1–${MAX_PAGE_SIZE} 之间的整数。Must be a whole number from 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1, { message: `take: 须为 1–${MAX_PAGE_SIZE} 之间的整数。Must be a whole number from 1 to ${MAX_PAGE_SIZE}.` })
  @Max(MAX_PAGE_SIZE, { message: `take: 须为 1–${MAX_PAGE_SIZE} 之间的整数。Must be a whole number from 1 to ${MAX_PAGE_SIZE}.` })
  take?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many agencies of that order to skip before the page (default 0).' })
  @IsOptional()
  @IsInt({ message: 'skip: 须为不小于 0 的整数。Must be a whole number, 0 or more.' })
  @Min(0, { message: 'skip: 须为不小于 0 的整数。Must be a whole number, 0 or more.' })
  skip?: number | null;
}
