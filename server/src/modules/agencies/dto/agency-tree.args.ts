import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../../common/graphql/ids.js';

@ArgsType()
export class AgencyTreeArgs {
  @Field(() => ID, { nullable: true, description: 'Whose children to list; null = the top of the tree (agencies without a parent).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'parentId: 机关 id 无效。The parent id must be a positive whole number.' })
  parentId?: string | null;
}
