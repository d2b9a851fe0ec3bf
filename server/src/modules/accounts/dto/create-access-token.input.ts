import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ACCESS_TOKEN_SCOPES, type AccessTokenScope } from '../../../common/access/signed-in-user.js';
import { AccessTokenScopeEnum } from '../models/access-token.model.js';

export const MAX_TOKEN_DAYS = 366;

@InputType('CreateAccessTokenInput', { description: 'A new personal access token for the signed-in user.' })
export class CreateAccessTokenInput {
  @Field(() => String, { description: 'A name to recognise it by (1–100 characters), e.g. the script that uses it.' })
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => AccessTokenScopeEnum, { nullable: true, defaultValue: 'read', description: 'read (the default) or write.' })
  @IsOptional()
  @IsIn(ACCESS_TOKEN_SCOPES)
  scope?: AccessTokenScope | null;

  @Field(() => Int, { nullable: true, defaultValue: 90, description: `Days until it stops working (1–${MAX_TOKEN_DAYS}, default 90).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TOKEN_DAYS)
  expiresInDays?: number | null;
}
