import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Agency', { description: 'An agency that publishes annual reports: a government or one of its departments.' })
export class AgencyModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Canonical name, e.g. 鄂州市行政审批局.' })
  name!: string;

  @Field(() => String, { description: 'government | department | dispatched | other. Decides the publication deadline.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'province | city | county | township, when known.' })
  level!: string | null;

  @Field(() => String, { nullable: true, description: 'The page where the agency lists its annual reports, when known.' })
  listingUrl!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What its reports usually cover: self | region_aggregate | system_aggregate; null when the registry does not say. A report of another scope gets a SCOPE_MISMATCH finding.",
  })
  usualScope?: string | null;

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
