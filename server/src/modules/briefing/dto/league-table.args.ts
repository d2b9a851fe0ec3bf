import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AgencySelectionInput } from '../../analytics/dto/agency-selection.input.js';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from '../../analytics/dto/years.js';

export const LEAGUE_ROWS_MESSAGE = 'first: 显示的行数须为不小于 0 的整数。The number of rows must be a whole number, 0 or more.';

@ArgsType()
export class BriefingScopeArgs {
  @Field(() => Int, { description: 'The data year.' })
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  year!: number;

  @Field(() => AgencySelectionInput, {
    nullable: true,
    description: 'The agencies (a district: its parentId with includeDescendants; a system: kinds/levels); default all.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection?: AgencySelectionInput | null;
}

@ArgsType()
export class LeagueTableArgs extends BriefingScopeArgs {
  @Field(() => String, { description: 'Metric code with thresholds (see thresholds).' })
  @IsString()
  @MaxLength(80)
  metric!: string;
}

/** `rows(first:)` of a league table (checked in its resolver, which refuses a negative count with a code). */
@ArgsType()
export class LeagueRowsArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Only the first rows, worst first (red, then yellow, …); default every row. agenciesWithReport is the count of all.',
  })
  first?: number | null;
}
