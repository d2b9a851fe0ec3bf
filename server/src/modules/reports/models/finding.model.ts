import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { FindingStatus, Severity } from '@ogi/domain';
import { FindingStatusEnum, SeverityEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('Finding', { description: 'Something a consistency check noticed about the report.' })
export class FindingModel {
  @Field(() => String, { description: 'Rule code, e.g. S3_BALANCE, S3_ROW_SUM, CROSS_YEAR_CARRY, LATE_PUBLICATION.' })
  rule!: string;

  @Field(() => SeverityEnum, { description: 'How much it matters: error (the tables do not add up), warning, info.' })
  severity!: Severity;

  @Field(() => FindingStatusEnum, { description: 'failed (the rule does not hold) | unverifiable (a needed cell is blank) | notice.' })
  status!: FindingStatus;

  @Field(() => [String], { description: 'Paths of the cells involved, e.g. applications.newReceived[6].' })
  cells!: string[];

  @Field(() => Float, { nullable: true, description: 'The value the rule expects, when it can say.' })
  expected!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value printed.' })
  actual!: number | null;

  @Field(() => String, { description: 'What is wrong, in Chinese.' })
  messageZh!: string;

  @Field(() => String, { description: 'What is wrong, in English.' })
  messageEn!: string;
}
