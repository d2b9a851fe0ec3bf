import { ArgsType, Field, Int, IntersectionType } from '@nestjs/graphql';
import { RULE_CODES, SEVERITIES, type Severity } from '@ogi/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { SeverityEnum } from '../../../common/graphql/domain-enums.js';
import { PagingArgs } from '../../../common/graphql/paging.args.js';
import { ConnectionArgs } from '../../../common/pagination/connection.args.js';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_YEAR, MAX_YEARS, MIN_YEAR, YEAR_MESSAGE } from './years.js';

const RULES_MESSAGE = `rules: 未知的规则代码。Unknown rule code; known: ${RULE_CODES.join(', ')}.`;
const SEVERITIES_MESSAGE = 'severities: 只能是 error、warning、info。Severities must be among error, warning, info.';

/** Whose findings, and of which rules and severities: what `dataQuality` and `findings` ask alike. */
@ArgsType()
class FindingFilterArgs {
  @Field(() => AgencySelectionInput, { nullable: true, description: 'The agencies; default every agency.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection?: AgencySelectionInput | null;

  @Field(() => [String], { nullable: true, description: 'Only these rules (codes of @ogi/domain RULE_CODES).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RULE_CODES.length)
  @IsIn(RULE_CODES, { each: true, message: RULES_MESSAGE })
  rules?: string[] | null;

  @Field(() => [SeverityEnum], { nullable: true, description: 'Only these severities.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SEVERITIES.length)
  @IsIn(SEVERITIES, { each: true, message: SEVERITIES_MESSAGE })
  severities?: Severity[] | null;
}

@ArgsType()
export class DataQualityArgs extends FindingFilterArgs {
  @Field(() => [Int], { description: `Years, 1–${MAX_YEARS} of them.` })
  @ArrayMinSize(1, { message: 'years: 至少选择一个年份。Give at least one year.' })
  @ArrayMaxSize(MAX_YEARS, { message: `years: 最多 ${MAX_YEARS} 个年份。At most ${MAX_YEARS} years.` })
  @IsInt({ each: true, message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { each: true, message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { each: true, message: YEAR_MESSAGE })
  years!: number[];
}

/** Which findings a list holds: what `findings` and `findingsConnection` ask alike. */
@ArgsType()
class FindingListArgs extends FindingFilterArgs {
  @Field(() => [Int], { nullable: true, description: `Years (at most ${MAX_YEARS}); default every year.` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_YEARS, { message: `years: 最多 ${MAX_YEARS} 个年份。At most ${MAX_YEARS} years.` })
  @IsInt({ each: true, message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { each: true, message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { each: true, message: YEAR_MESSAGE })
  years?: number[] | null;
}

@ArgsType()
export class FindingsArgs extends IntersectionType(FindingListArgs, PagingArgs, ArgsType) {}

@ArgsType()
export class FindingsConnectionArgs extends IntersectionType(FindingListArgs, ConnectionArgs, ArgsType) {}

@ArgsType()
export class SubmissionsArgs {
  @Field(() => [Int], { description: `Data years, 1–${MAX_YEARS} of them.` })
  @ArrayMinSize(1, { message: 'years: 至少选择一个年份。Give at least one year.' })
  @ArrayMaxSize(MAX_YEARS, { message: `years: 最多 ${MAX_YEARS} 个年份。At most ${MAX_YEARS} years.` })
  @IsInt({ each: true, message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { each: true, message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { each: true, message: YEAR_MESSAGE })
  years!: number[];

  @Field(() => AgencySelectionInput, { nullable: true, description: 'The agencies expected to report; default every agency.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection?: AgencySelectionInput | null;
}

@ArgsType()
export class SubmissionsConnectionArgs extends IntersectionType(SubmissionsArgs, ConnectionArgs, ArgsType) {}
