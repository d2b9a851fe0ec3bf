import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AgencyKind, AgencyLevel } from '@ogi/domain';
import { AgencyKindEnum, AgencyLevelEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('AgencyNode', { description: 'An agency in the registry tree, with what lies under it (for tree pickers).' })
export class AgencyNodeModel {
  @Field(() => ID, { description: 'The agency id.' })
  id!: string;

  @Field(() => String, { description: 'Canonical name.' })
  name!: string;

  @Field(() => AgencyKindEnum, { description: 'What the agency is; decides the publication deadline.' })
  kind!: AgencyKind;

  @Field(() => AgencyLevelEnum, { nullable: true, description: 'The administrative level, when known.' })
  level!: AgencyLevel | null;

  @Field(() => ID, { nullable: true, description: 'The government it belongs to, when known.' })
  parentId!: string | null;

  @Field(() => Int, { description: 'Agencies directly under it.' })
  childCount!: number;

  @Field(() => Int, { description: 'Years for which it has a current report.' })
  reportCount!: number;
}
