import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { MAX_URL_LENGTH } from '../fetch/web-address.js';
import { MAX_URLS_PER_REQUEST } from '../collect.service.js';

@ArgsType()
export class CollectReportsArgs {
  @Field(() => [String], {
    description: `Report pages, report files or listing pages (1–${MAX_URLS_PER_REQUEST}). An address that is not a valid http(s) address gets a failed result with INVALID_URL; the others carry on.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_URLS_PER_REQUEST)
  @IsString({ each: true })
  @MaxLength(MAX_URL_LENGTH, { each: true })
  urls!: string[];
}
