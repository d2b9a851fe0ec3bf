import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SubmissionMissingMark', { description: "An editor's mark that the agency published no report for the year (逾期未报), and what they checked." })
export class SubmissionMissingMarkModel {
  @Field(() => String, { description: 'What the editor checked, e.g. 已核对门户网站年报栏目，2024 年度报告未发布.' })
  note!: string;

  @Field(() => String, { description: 'Who marked it.' })
  markedBy!: string;

  @Field(() => Date, { description: 'When it was marked.' })
  markedAt!: Date;
}
