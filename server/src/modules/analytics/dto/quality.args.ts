import { ArgsType, Field, Int, IntersectionType } from '@nestjs/graphql';
import {
  MATRIX_SORT_KEYS,
  RULE_CODES,
  SEVERITIES,
  SORT_DIRECTIONS,
  SUBMISSION_FILTERS,
  type MatrixSortBy,
  type Severity,
  type SortDirection,
  type SubmissionFilter,
} from '@ogi/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { MatrixSortByEnum, SeverityEnum, SortDirectionEnum, SubmissionFilterEnum } from '../../../common/graphql/domain-enums.js';
import { PagingArgs } from '../../../common/graphql/paging.args.js';
import { ConnectionArgs } from '../../../common/pagination/connection.args.js';
import { AgencySelectionInput } from './agency-selection.input.js';
import { MAX_YEAR, MAX_YEARS, MIN_YEAR, YEAR_MESSAGE, IsYearList } from './years.js';

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
  @IsYearList()
  years!: number[];
}

/** Which findings a list holds: what `findings` and `findingsConnection` ask alike. */
@ArgsType()
class FindingListArgs extends FindingFilterArgs {
  @Field(() => [Int], { nullable: true, description: `Years (at most ${MAX_YEARS}); default every year.` })
  @IsOptional()
  @IsArray()
  @IsYearList({ atLeastOne: false })
  years?: number[] | null;
}

@ArgsType()
export class FindingsArgs extends IntersectionType(FindingListArgs, PagingArgs, ArgsType) {}

@ArgsType()
export class FindingsConnectionArgs extends IntersectionType(FindingListArgs, ConnectionArgs, ArgsType) {}

/** Which agencies and years: what every submissions query asks. */
@ArgsType()
export class SubmissionYearsArgs {
  @Field(() => [Int], { description: `Data years, 1–${MAX_YEARS} of them.` })
  @IsYearList()
  years!: number[];

  @Field(() => AgencySelectionInput, { nullable: true, description: 'The agencies expected to report; default every agency.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencySelectionInput)
  selection?: AgencySelectionInput | null;
}

const FILTER_MESSAGE = `只能是 ${SUBMISSION_FILTERS.join('、')}。Must be one of ${SUBMISSION_FILTERS.join(', ')}.`;

@ArgsType()
export class SubmissionsArgs extends SubmissionYearsArgs {
  @Field(() => [SubmissionFilterEnum], {
    nullable: true,
    description: 'Only the agency-years that match one of these: a status, FAILING (a failing check) or PUBLISHED_NOT_IMPORTED; default all.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SUBMISSION_FILTERS.length)
  @IsIn(SUBMISSION_FILTERS, { each: true, message: `only: ${FILTER_MESSAGE}` })
  only?: SubmissionFilter[] | null;
}

@ArgsType()
export class SubmissionsConnectionArgs extends IntersectionType(SubmissionsArgs, ConnectionArgs, ArgsType) {}

const SORT_MESSAGE = 'sortBy: 只能是 AGENCY、PROBLEMS、YEAR。Must be AGENCY, PROBLEMS or YEAR.';
const DIRECTION_MESSAGE = 'sortDirection: 只能是 ASC 或 DESC。Must be ASC or DESC.';

@ArgsType()
export class SubmissionMatrixArgs extends IntersectionType(SubmissionYearsArgs, ConnectionArgs, ArgsType) {
  @Field(() => SubmissionFilterEnum, {
    nullable: true,
    description: 'Only the agencies with at least one agency-year matching this; each keeps all its years.',
  })
  @IsOptional()
  @IsIn(SUBMISSION_FILTERS, { message: `filter: ${FILTER_MESSAGE}` })
  filter?: SubmissionFilter | null;

  @Field(() => Int, { nullable: true, description: 'With `filter`: only that year must match (one of `years`).' })
  @IsOptional()
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  filterYear?: number | null;

  @Field(() => MatrixSortByEnum, { nullable: true, description: 'Default PROBLEMS (years missing or late plus reports failing checks).' })
  @IsOptional()
  @IsIn(MATRIX_SORT_KEYS, { message: SORT_MESSAGE })
  sortBy?: MatrixSortBy | null;

  @Field(() => Int, { nullable: true, description: 'With sortBy YEAR: the year whose column is sorted (one of `years`).' })
  @IsOptional()
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  sortYear?: number | null;

  @Field(() => SortDirectionEnum, { nullable: true, description: 'Default DESC for PROBLEMS and YEAR, ASC for AGENCY. Ties go by agency name.' })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS, { message: DIRECTION_MESSAGE })
  sortDirection?: SortDirection | null;
}
