import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';

@ArgsType()
export class IngestBatchArgs {
  @Field(() => ID, { description: 'The import batch id.' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'id must be an import batch id' })
  id!: string;
}

@ArgsType()
export class IngestBatchesArgs extends PagingArgs {}
