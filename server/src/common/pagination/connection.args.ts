import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../graphql/paging.args.js';

const SIZE_MESSAGE = (name: string) => `${name}: 每页 1 到 ${MAX_PAGE_SIZE} 条。Between 1 and ${MAX_PAGE_SIZE} items per page.`;

/**
 * Cursor paging as GitHub's API does it: `first` items after the cursor `after`, or `last` items before the cursor
 * `before`. Without `first` or `last` a page holds DEFAULT_PAGE_SIZE items from the start.
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `The first n items (after \`after\`, if given); 1–${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt({ message: SIZE_MESSAGE('first') })
  @Min(1, { message: SIZE_MESSAGE('first') })
  @Max(MAX_PAGE_SIZE, { message: SIZE_MESSAGE('first') })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Items after this cursor (an `endCursor` or an edge `cursor` of this list).' })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last n items (before \`before\`, if given); 1–${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt({ message: SIZE_MESSAGE('last') })
  @Min(1, { message: SIZE_MESSAGE('last') })
  @Max(MAX_PAGE_SIZE, { message: SIZE_MESSAGE('last') })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Items before this cursor (a `startCursor` or an edge `cursor` of this list).' })
  @IsOptional()
  @IsString()
  before?: string | null;
}
