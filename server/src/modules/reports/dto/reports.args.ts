import { ArgsType, Field, ID, Int, IntersectionType } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';
import { ConnectionArgs } from '../../../common/pagination/connection.args.js';

/** Which reports a list holds: what `reports` and `reportsConnection` ask alike. */
@ArgsType()
class ReportFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only this agency's reports." })
  @IsOptional()
  @Matches(/^[1-9]\d{0,8}$/, { message: 'agencyId must be an agency id' })
  agencyId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only reports on this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

@ArgsType()
export class ReportsArgs extends IntersectionType(ReportFilterArgs, PagingArgs, ArgsType) {}

@ArgsType()
export class ReportsConnectionArgs extends IntersectionType(ReportFilterArgs, ConnectionArgs, ArgsType) {}
