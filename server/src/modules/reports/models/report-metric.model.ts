import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { MetricQuality } from '@ogi/domain';
import { MetricQualityEnum } from '../../analytics/models/metric-quality.model.js';

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

  @Field(() => MetricQualityEnum, { description: 'What the value rests on (see MetricQuality).' })
  quality!: MetricQuality;

  @Field(() => Float, { nullable: true, description: 'The metric on the printed tables.' })
  printedValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The metric with every total a rule can recompute taken from its parts (equal to printedValue when the tables add up). Which of the two `value` is follows the dictionary's reconciliation policy.",
  })
  partsValue!: number | null;
}
