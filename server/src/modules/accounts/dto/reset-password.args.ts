import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID, { description: 'The account.' })
  @IsString()
  @MaxLength(40)
  id!: string;

  @Field(() => String, { description: 'The new password (at least 10 characters). Ends every session of the user and unlocks the account.' })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}
