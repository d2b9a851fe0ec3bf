import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';

export const FETCHED_URL_STATUSES = ['stored', 'duplicate', 'failed', 'listing'] as const;

@ArgsType()
export class FetchedUrlsArgs extends PagingArgs {
  @Field(() => String, { nullable: true, description: 'Only addresses with this status: stored | duplicate | failed | listing.' })
  @IsOptional()
  @IsIn(FETCHED_URL_STATUSES)
  status?: string | null;
}
