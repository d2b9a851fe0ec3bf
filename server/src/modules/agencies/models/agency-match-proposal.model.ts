import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from './agency.model.js';
import type { AgencyMatchReason } from '@ogi/domain';
import { AgencyMatchReasonEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('AgencyMatchProposal', {
  description:
    'An import met an agency name the registry did not know and created a new agency for it; a person confirms which registered agency it is ' +
    '(confirmAgencyMatch moves its reports there and records the name as an alias) or keeps the new one (rejectAgencyMatch).',
})
export class AgencyMatchProposalModel {
  @Field(() => ID, { description: 'The proposal id.' })
  id!: string;

  @Field(() => String, { description: 'The agency name as the report printed it.' })
  printedName!: string;

  @Field(() => AgencyModel, { nullable: true, description: 'The agency the import created for that name (its reports are filed under it meanwhile).' })
  agency!: AgencyModel | null;

  @Field(() => AgencyModel, {
    nullable: true,
    description: 'The registered agency the name probably means (a shortened name or a one-character typo); null when none fits.',
  })
  proposedAgency!: AgencyModel | null;

  @Field(() => AgencyMatchReasonEnum, { nullable: true, description: 'Why it was proposed; null when no agency is proposed.' })
  reason!: AgencyMatchReason | null;

  @Field(() => ID, { nullable: true, description: 'The report whose import raised the question.' })
  reportId!: string | null;

  @Field(() => String, { description: 'When the import raised it (ISO 8601).' })
  createdAt!: string;
}
