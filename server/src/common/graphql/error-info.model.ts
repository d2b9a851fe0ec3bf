import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ErrorInfo', { description: 'Why one item of a batch failed: a stable code and a message a clerk understands (Chinese).' })
export class ErrorInfoModel {
  @Field(() => String, { description: 'Stable code, e.g. HTTP_404, TIMEOUT, BLOCKED_ADDRESS, NOT_AN_ANNUAL_REPORT (see @ogi/domain).' })
  code!: string;

  @Field(() => String, { description: 'What happened and what to do, for a clerk.' })
  message!: string;
}
