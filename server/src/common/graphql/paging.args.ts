import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** Bounded paging: `take` ≤ 100. An explicit null means the default. */
@ArgsType()
export class PagingArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `How many items to return (1–${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'How many items to skip from the start.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  skip?: number | null;
}

export function paging(args: PagingArgs): { take: number; skip: number } {
  return { take: args.take ?? DEFAULT_PAGE_SIZE, skip: args.skip ?? 0 };
}
