import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { BreakdownDimension } from '../models/breakdown.model.js';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_YEARS, IsYearList } from './years.js';

/** Most agencies `topAgencies` may ask for: a chart's worth (a page wanting every agency leaves it out). */
export const MAX_TOP_AGENCIES = 1000;

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

  @Field(() => Int, {
    nullable: true,
    description: `With combine false: only the agencies with the largest total of the parts over the years asked, at most this many (1–${MAX_TOP_AGENCIES}), largest first (ties in the selection's order). Null: every agency, in the selection's order.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TOP_AGENCIES)
  topAgencies?: number | null;
}
