import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class UserIdArgs {
  @Field(() => ID, { description: 'The account.' })
  @IsString()
  @MaxLength(40)
  id!: string;
}
