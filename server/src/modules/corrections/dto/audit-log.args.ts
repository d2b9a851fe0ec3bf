import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';

@ArgsType()
export class AuditLogArgs extends PagingArgs {
  @Field(() => ID, { nullable: true, description: "Only this report version's entries; the whole log when omitted." })
  @IsOptional()
  @Matches(/^[1-9]\d{0,8}$/, { message: 'reportId must be a report id' })
  reportId?: string | null;
}
