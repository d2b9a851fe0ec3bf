import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from './years.js';

@ArgsType()
export class TimeSeriesArgs {
  @Field(() => AgencySelectionInput, { description: 'The agencies rolled up together.' })
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection!: AgencySelectionInput;

  @Field(() => String, { description: 'Metric code (see metricDefinitions).' })
  @IsString()
  @MaxLength(80)
  metric!: string;

  @Field(() => Int, { nullable: true, description: 'First year; default the earliest year with a report in the selection.' })
  @IsOptional()
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year; default the latest year with a report in the selection. At most 20 years in all.' })
  @IsOptional()
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  toYear?: number | null;
}
