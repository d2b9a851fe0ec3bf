import { ArgsType, Field } from '@nestjs/graphql';
import { FETCHED_URL_STATUSES, type FetchedUrlStatus } from '@ogi/domain';
import { IsIn, IsOptional } from 'class-validator';
import { FetchedUrlStatusEnum } from '../../../common/graphql/domain-enums.js';
import { PagingArgs } from '../../../common/graphql/paging.args.js';

@ArgsType()
export class FetchedUrlsArgs extends PagingArgs {
  @Field(() => FetchedUrlStatusEnum, { nullable: true, description: 'Only addresses with this status.' })
  @IsOptional()
  @IsIn(FETCHED_URL_STATUSES, { message: `status: 只能是 ${FETCHED_URL_STATUSES.join('、')}。Status must be one of ${FETCHED_URL_STATUSES.join(', ')}.` })
  status?: FetchedUrlStatus | null;
}
