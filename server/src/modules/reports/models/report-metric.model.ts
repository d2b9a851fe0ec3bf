import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('ReportMetric', { description: 'A metric of the shared dictionary (@ogi/domain METRICS) computed for this report.' })
export class ReportMetricModel {
  @Field(() => String, { description: 'Metric code, e.g. outcomes.disclosureRate; names and formulas are in the dictionary.' })
  code!: string;

  @Field(() => Float, { nullable: true, description: 'The value; null when a needed cell is blank or the base is 0.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Numerator (for counts, the count itself).' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator of a ratio; null for counts.' })
  denominator!: number | null;
}
