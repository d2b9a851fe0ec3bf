import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AgencyKind, AgencyLevel, ReportScope } from '@ogi/domain';
import { AgencyKindEnum, AgencyLevelEnum, ReportScopeEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('Agency', { description: 'An agency that publishes annual reports: a government or one of its departments.' })
export class AgencyModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Canonical name, e.g. 鄂州市行政审批局.' })
  name!: string;

  @Field(() => AgencyKindEnum, { description: 'What the agency is; decides the publication deadline.' })
  kind!: AgencyKind;

  @Field(() => AgencyLevelEnum, { nullable: true, description: 'The administrative level, when known.' })
  level!: AgencyLevel | null;

  @Field(() => String, { nullable: true, description: 'The page where the agency lists its annual reports, when known.' })
  listingUrl!: string | null;

  @Field(() => ReportScopeEnum, {
    nullable: true,
    description: 'What its reports usually cover; null when the registry does not say. A report of another scope gets a SCOPE_MISMATCH finding.',
  })
  usualScope?: ReportScope | null;

  /** Internal: the parent agency's key, resolved by `parent`. */
  parentId!: number | null;
}

@ObjectType('AgencyPage', { description: 'A page of agencies.' })
export class AgencyPageModel {
  @Field(() => [AgencyModel], { description: 'The agencies of this page, by name.' })
  items!: AgencyModel[];

  @Field(() => Int, { description: 'How many agencies match in all.' })
  total!: number;
}
