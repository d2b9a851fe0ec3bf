import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class AccessTokenIdArgs {
  @Field(() => ID, { description: 'The access token.' })
  @IsString()
  @MaxLength(40)
  id!: string;
}
