import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_URL_LENGTH } from '../fetch/web-address.js';

@InputType('SetAgencyReportUrlInput', { description: "Sets (or, with url null, removes) the address of an agency's report for one data year." })
export class SetAgencyReportUrlInput {
  @Field(() => ID, { description: 'The agency.' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'agencyId must be an agency id' })
  agencyId!: string;

  @Field(() => Int, { description: 'The data year the report covers.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => String, { nullable: true, description: 'An http(s) address; null removes it.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url?: string | null;
}
