import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, REPORT_SCOPES, type AgencyKind, type AgencyLevel, type ReportScope } from '@ogi/domain';
import { AgencyKindEnum, AgencyLevelEnum, ReportScopeEnum } from '../../../common/graphql/domain-enums.js';
import { ID_PATTERN } from '../../../common/graphql/ids.js';

const NAME_MESSAGE = '名称须为 2–100 个字符。A name must be 2–100 characters long.';
/** Names never carry meaningful whitespace (see @ogi/domain normaliseAgencyName). */
const stripSpaces = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s\u3000]+/g, '') : value);
const stripSpacesEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.replace(/[\s\u3000]+/g, '') : v)) : value;

@InputType('UpdateAgencyInput', { description: 'Changes to one agency of the registry. Fields left out stay as they are; null clears an optional field.' })
export class UpdateAgencyInput {
  @Field(() => ID, { description: 'The agency to change.' })
  @Matches(ID_PATTERN, { message: 'id: 机关 id 无效。The agency id must be a positive whole number.' })
  id!: string;

  @Field(() => String, { nullable: true, description: "New canonical name (must not be another agency's name or alias)." })
  @IsOptional()
  @Transform(stripSpaces)
  @IsString()
  @Length(2, 100, { message: NAME_MESSAGE })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'The government it belongs to; null = none. Not itself or one of its subordinates.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'parentId: 机关 id 无效。The parent id must be a positive whole number.' })
  parentId?: string | null;

  @Field(() => AgencyKindEnum, {
    nullable: true,
    description: `What the agency is. Changing it re-derives the deadlines (31 Jan departments, 31 Mar governments) and lateness of its reports.`,
  })
  @IsOptional()
  @IsIn(AGENCY_KIND_VALUES, { message: `kind: 只能是 ${AGENCY_KIND_VALUES.join('、')}。Kind must be one of ${AGENCY_KIND_VALUES.join(', ')}.` })
  kind?: AgencyKind | null;

  @Field(() => AgencyLevelEnum, { nullable: true, description: 'The administrative level; null = unknown.' })
  @IsOptional()
  @IsIn(AGENCY_LEVEL_VALUES, { message: `level: 只能是 ${AGENCY_LEVEL_VALUES.join('、')}。Level must be one of ${AGENCY_LEVEL_VALUES.join(', ')}.` })
  level?: AgencyLevel | null;

  @Field(() => String, { nullable: true, description: 'The http(s) address of the page listing its annual reports; null = none.' })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'listingUrl: 须为 http 或 https 网址。The listing address must be an http(s) URL.' },
  )
  listingUrl?: string | null;

  @Field(() => ReportScopeEnum, {
    nullable: true,
    description:
      "What the agency's reports usually cover; null = unknown. Each report whose detected scope differs gets a SCOPE_MISMATCH finding. Recorded in the audit log.",
  })
  @IsOptional()
  @IsIn(REPORT_SCOPES, {
    message:
      'usualScope: 只能是 self（本机关）、region_aggregate（地区汇总）或 system_aggregate（系统汇总）。The usual scope must be self, region_aggregate or system_aggregate.',
  })
  usualScope?: ReportScope | null;

  @Field(() => [String], { nullable: true, description: 'Names to add as aliases (other names its reports are printed under).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(stripSpacesEach)
  @IsString({ each: true })
  @Length(2, 100, { each: true, message: NAME_MESSAGE })
  addAliases?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Aliases to remove.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(stripSpacesEach)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  removeAliases?: string[] | null;
}
