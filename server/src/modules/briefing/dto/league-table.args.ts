import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AgencySelectionInput } from '../../analytics/dto/agency-selection.input.js';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from '../../analytics/dto/years.js';

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
