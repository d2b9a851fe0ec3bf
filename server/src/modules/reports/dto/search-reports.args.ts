import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/graphql/paging.args.js';

export const DEFAULT_SEARCH_PAGE_SIZE = 20;

@ArgsType()
export class SearchReportsArgs {
  @Field(() => String, { description: 'Words to find in the text of current reports (1–100 characters; case-insensitive).' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100, { message: 'query: 请输入 1–100 个字符。Give 1–100 characters to search for.' })
  query!: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SEARCH_PAGE_SIZE, description: `How many hits to return (1–${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'How many hits to skip from the start.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  skip?: number | null;
}
