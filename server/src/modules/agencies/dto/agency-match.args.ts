import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../../common/graphql/ids.js';

@ArgsType()
export class ConfirmAgencyMatchArgs {
  @Field(() => ID, { description: 'The proposal.' })
  @Matches(ID_PATTERN, { message: 'proposalId: id 无效。The proposal id must be a positive whole number.' })
  proposalId!: string;

  @Field(() => ID, { nullable: true, description: 'The registered agency the printed name means; null = the proposed agency.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'agencyId: 机关 id 无效。The agency id must be a positive whole number.' })
  agencyId?: string | null;
}

@ArgsType()
export class RejectAgencyMatchArgs {
  @Field(() => ID, { description: 'The proposal.' })
  @Matches(ID_PATTERN, { message: 'proposalId: id 无效。The proposal id must be a positive whole number.' })
  proposalId!: string;
}
