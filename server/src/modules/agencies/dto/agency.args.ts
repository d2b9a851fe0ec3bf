import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class AgencyArgs {
  @Field(() => ID, { description: 'The agency id.' })
  @IsString()
  @MaxLength(40)
  id!: string;
}
