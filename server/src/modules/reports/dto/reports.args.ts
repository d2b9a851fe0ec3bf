import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';

@ArgsType()
export class ReportsArgs extends PagingArgs {
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
