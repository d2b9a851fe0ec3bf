import { ArgsType, Field, ID, IntersectionType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';
import { ConnectionArgs } from '../../../common/pagination/connection.args.js';

/** Which entries a reading of the log holds: what `auditLog` and `auditLogConnection` ask alike. */
@ArgsType()
class AuditLogFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only this report version's entries; the whole log when omitted." })
  @IsOptional()
  @Matches(/^[1-9]\d{0,8}$/, { message: 'reportId must be a report id' })
  reportId?: string | null;
}

@ArgsType()
export class AuditLogArgs extends IntersectionType(AuditLogFilterArgs, PagingArgs, ArgsType) {}

@ArgsType()
export class AuditLogConnectionArgs extends IntersectionType(AuditLogFilterArgs, ConnectionArgs, ArgsType) {}
