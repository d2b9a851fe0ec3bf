import type { FollowUpReason, FollowUpStatus } from '@ogi/domain';
import { FollowUpReasonEnum, FollowUpStatusEnum } from '../../../common/graphql/domain-enums.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/models/agency.model.js';

@ObjectType('AgencyContact', { description: "The person the bureau calls about an agency's report (editors only)." })
export class AgencyContactModel {
  @Field(() => ID, { description: 'The agency.' }) agencyId!: string;
  @Field(() => String, { description: 'The person to call.' }) person!: string;
  @Field(() => String, { nullable: true, description: 'Telephone.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'E-mail address.' }) email!: string | null;
  @Field(() => String, { description: 'Who last changed it.' }) updatedBy!: string;
  @Field(() => String, { description: 'When, ISO 8601.' }) updatedAt!: string;
}

@ObjectType('FollowUpItem', { description: 'One thing the bureau chases an agency about (督办事项).' })
export class FollowUpItemModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field(() => AgencyModel, { description: 'The agency chased.' }) agency!: AgencyModel;
  @Field(() => Int, { description: 'The year the report covers.' }) year!: number;
  @Field(() => FollowUpReasonEnum, { description: 'missing | late | contradicted (tables do not add up) | flagged (red colour or a notable change).' })
  reason!: FollowUpReason;
  @Field(() => String, { description: 'The problem and its evidence, in Chinese.' }) detailZh!: string;
  @Field(() => String, { description: 'The problem and its evidence, in English.' }) detailEn!: string;
  @Field(() => FollowUpStatusEnum, { description: 'pending 待提醒 | reminded 已提醒 | resolved 已整改 | exempt 豁免.' }) status!: FollowUpStatus;
  @Field(() => String, { description: "The editors' notes." }) notes!: string;
  @Field(() => String, { nullable: true, description: "The department's answer." }) answer!: string | null;
  @Field(() => ID, { nullable: true, description: 'The report version the item is about (none for a missing report).' }) reportId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The newer version that passed its checks and resolved the item, when it did.' }) resolvedByReportId!:
    string | null;
  @Field(() => String, { description: 'Last change, ISO 8601.' }) updatedAt!: string;
  @Field(() => AgencyContactModel, { nullable: true, description: "The agency's contact: only for editors and administrators." })
  contact!: AgencyContactModel | null;
}

@ObjectType('FollowUpPage', { description: 'A page of the follow-up list.' })
export class FollowUpPageModel {
  @Field(() => [FollowUpItemModel], { description: 'The items of this page: newest year first, open items first, then by agency.' })
  items!: FollowUpItemModel[];
  @Field(() => Int, { description: 'How many items match in all.' }) total!: number;
}

@ObjectType('FollowUpRefresh', { description: 'What building the follow-up list found.' })
export class FollowUpRefreshModel {
  @Field(() => Int, { description: 'Items created.' }) created!: number;
  @Field(() => Int, { description: 'Open items whose evidence was brought up to date.' }) updated!: number;
  @Field(() => Int, { description: 'Open items in all for the year and selection.' }) open!: number;
}
