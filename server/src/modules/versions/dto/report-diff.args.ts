import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Matches } from 'class-validator';

@ArgsType()
export class ReportDiffArgs {
  @Field(() => ID, { description: 'The version to compare from (usually the older).' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'fromId must be a report id' })
  fromId!: string;

  @Field(() => ID, { description: 'The version to compare to; of the same agency and year.' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'toId must be a report id' })
  toId!: string;
}

@ArgsType()
export class ReparseReportArgs {
  @Field(() => ID, { description: 'The report version to read again from its stored file.' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'id must be a report id' })
  id!: string;
}
