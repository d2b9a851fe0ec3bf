import { ArgsType, Field, Int } from '@nestjs/graphql';
import { REPORT_SCOPES, type ReportScope } from '@ogi/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ReportScopeEnum } from '../../../common/graphql/domain-enums.js';
import { PagingArgs } from '../../../common/graphql/paging.args.js';
import { RankOrder } from '../models/ranking.model.js';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from './years.js';

/** Rankings leave out agencies with fewer handled applications (or a smaller base) than this by default. */
export const DEFAULT_MIN_SAMPLE = 30;

@ArgsType()
export class RankingArgs extends PagingArgs {
  @Field(() => String, { description: 'Metric code (see metricDefinitions).' })
  @IsString()
  @MaxLength(80)
  metric!: string;

  @Field(() => Int, { description: 'The data year.' })
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  year!: number;

  @Field(() => AgencySelectionInput, { nullable: true, description: 'The agencies ranked; default every agency.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection?: AgencySelectionInput | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_MIN_SAMPLE,
    description:
      "Leave out agencies whose sample is smaller (a ratio's denominator; for counts the applications handled), so that 1 of 1 does not top a ranking. 0 ranks all.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  minSample?: number | null;

  @Field(() => RankOrder, {
    nullable: true,
    description: "Direction; default the metric's better end first (DESC when higher is better or unknown, ASC when lower is better).",
  })
  @IsOptional()
  @IsEnum(RankOrder)
  order?: RankOrder | null;

  @Field(() => [ReportScopeEnum], {
    nullable: true,
    description: 'The report scope ranked. Default self (agencies by their own work). A ranking never mixes scopes: more than one is refused (MIXED_SCOPES).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REPORT_SCOPES.length)
  @IsIn(REPORT_SCOPES, { each: true })
  scopes?: ReportScope[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also rank values the product knows may be wrong (CONTRADICTED, UNCERTAIN); by default they are left out and counted in excludedByQuality.',
  })
  @IsOptional()
  @IsBoolean()
  includeDoubtful?: boolean | null;
}
