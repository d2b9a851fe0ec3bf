import { ArgsType, Field, Float, Int } from '@nestjs/graphql';
import { THRESHOLD_DIRECTIONS, type ThresholdDirection } from '@ogi/domain';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { ThresholdDirectionEnum } from '../../../common/graphql/domain-enums.js';

@ArgsType()
export class SetThresholdArgs {
  @Field(() => String, { description: 'Metric code (see metricDefinitions).' })
  @IsString()
  @MaxLength(80)
  metric!: string;

  @Field(() => ThresholdDirectionEnum, { description: 'Which end of the metric is good.' })
  @IsIn(THRESHOLD_DIRECTIONS, { message: 'direction: 须为 higher（越高越好）或 lower（越低越好）。Must be higher or lower.' })
  direction!: ThresholdDirection;

  @Field(() => Float, { description: "The red bound, in the metric's unit (ratios as 0–1)." })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  red!: number;

  @Field(() => Float, { description: 'The yellow bound.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  yellow!: number;

  @Field(() => Int, { description: 'Least sample for a colour.' })
  @IsInt({ message: 'minSample: 最小样本量须为整数。The least sample must be a whole number.' })
  minSample!: number;

  @Field(() => String, { nullable: true, description: 'Why (kept in the history and the audit log).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
export class ThresholdHistoryArgs {
  @Field(() => String, { description: 'Metric code.' })
  @IsString()
  @MaxLength(80)
  metric!: string;
}
