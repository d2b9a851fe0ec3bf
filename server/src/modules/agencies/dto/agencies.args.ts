import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';

@ArgsType()
export class AgenciesArgs extends PagingArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name or alias (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}
