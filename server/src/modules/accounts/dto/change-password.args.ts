import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String, { description: 'The password now, to prove it is you.' })
  @IsString()
  @MaxLength(1000)
  currentPassword!: string;

  @Field(() => String, { description: 'At least 10 characters, not the username.' })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}
