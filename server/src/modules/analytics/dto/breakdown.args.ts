import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { BreakdownDimension } from '../models/breakdown.model.js';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_YEARS, IsYearList } from './years.js';

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
  @IsYearList()
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
