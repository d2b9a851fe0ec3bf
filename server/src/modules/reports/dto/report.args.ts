import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ReportArgs {
  @Field(() => ID, { description: 'The report (version) id.' })
  @IsString()
  @MaxLength(40)
  id!: string;
}
