import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingArgs } from '../../../common/graphql/paging.args.js';

@ArgsType()
export class UsersArgs extends PagingArgs {
  @Field(() => String, { nullable: true, description: 'Only users whose username or name contains this.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}
