import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AgencyNode', { description: 'An agency in the registry tree, with what lies under it (for tree pickers).' })
export class AgencyNodeModel {
  @Field(() => ID, { description: 'The agency id.' })
  id!: string;

  @Field(() => String, { description: 'Canonical name.' })
  name!: string;

  @Field(() => String, { description: 'government | department | dispatched | other.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'province | city | county | township, when known.' })
  level!: string | null;

  @Field(() => ID, { nullable: true, description: 'The government it belongs to, when known.' })
  parentId!: string | null;

  @Field(() => Int, { description: 'Agencies directly under it.' })
  childCount!: number;

  @Field(() => Int, { description: 'Years for which it has a current report.' })
  reportCount!: number;
}
