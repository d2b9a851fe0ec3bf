import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { BreakdownDimension } from '../models/breakdown.model.js';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_YEAR, MAX_YEARS, MIN_YEAR, YEAR_MESSAGE } from './years.js';

@ArgsType()
export class BreakdownArgs {
  @Field(() => BreakdownDimension, { description: 'What to split.' })
  @IsEnum(BreakdownDimension)
  dimension!: BreakdownDimension;

  @Field(() => AgencySelectionInput, { description: 'The agencies.' })
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection!: AgencySelectionInput;

  @Field(() => [Int], { description: `Years, 1–${MAX_YEARS} of them.` })
  @ArrayMinSize(1, { message: 'years: 至少选择一个年份。Give at least one year.' })
  @ArrayMaxSize(MAX_YEARS, { message: `years: 最多 ${MAX_YEARS} 个年份。At most ${MAX_YEARS} years.` })
  @IsInt({ each: true, message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { each: true, message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { each: true, message: YEAR_MESSAGE })
  years!: number[];

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "true: one set of rows per year for the selection combined (agencyId null), summed without double counting like rollup (a government's region_aggregate report stands for its members). false: rows per agency and year.",
  })
  @IsOptional()
  @IsBoolean()
  combine?: boolean | null;
}
