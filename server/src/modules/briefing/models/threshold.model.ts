import type { ThresholdDirection } from '@ogi/domain';
import { ThresholdDirectionEnum } from '../../../common/graphql/domain-enums.js';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Threshold', { description: "A metric's league-table thresholds (红黄绿), in the metric's unit (ratios as 0–1)." })
export class ThresholdModel {
  @Field(() => String, { description: 'Metric code.' })
  metric!: string;

  @Field(() => String, { description: "The metric's name." })
  metricNameZh!: string;

  @Field(() => ThresholdDirectionEnum, { description: 'higher (a low value is bad: red below the red bound) | lower (a high value is bad: red above it).' })
  direction!: ThresholdDirection;

  @Field(() => Float, { description: 'The red bound.' })
  red!: number;

  @Field(() => Float, { description: 'The yellow bound.' })
  yellow!: number;

  @Field(() => Int, { description: "Least sample (a ratio's denominator, else applications handled) for a colour; below it an agency is not coloured." })
  minSample!: number;

  @Field(() => Int, { description: "Version of this metric's thresholds: 0 for the built-in default, then 1, 2, … for each change." })
  version!: number;

  @Field(() => Boolean, { description: 'Whether these are the built-in defaults (no editor has set this metric).' })
  isDefault!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the editor set them.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who set them (null for the defaults).' })
  setBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When they were set, ISO 8601 (null for the defaults).' })
  setAt!: string | null;
}
