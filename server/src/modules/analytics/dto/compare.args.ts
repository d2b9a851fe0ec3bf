import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_METRICS, MAX_YEARS, IsYearList } from './years.js';

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
  @ArrayMinSize(1, { message: 'metrics: 至少选择一个指标。Give at least one metric.' })
  @ArrayMaxSize(MAX_METRICS, { message: `metrics: 最多 ${MAX_METRICS} 个指标。At most ${MAX_METRICS} metrics.` })
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  metrics!: string[];
}
