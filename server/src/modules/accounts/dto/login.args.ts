import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field(() => String, { description: 'Case does not matter.' })
  @IsString()
  @MaxLength(100)
  username!: string;

  @Field(() => String, { description: 'The password.' })
  @IsString()
  // Bounded so nobody can make the server hash megabytes.
  @MaxLength(1000)
  password!: string;
}
