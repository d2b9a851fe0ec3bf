import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_METRICS, MAX_YEARS, IsYearList, IsMetricCodeList } from './years.js';

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
}
