import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../../common/graphql/ids.js';
import { MAX_METRICS, MAX_YEARS, IsYearList } from './years.js';

@ArgsType()
export class RollupArgs {
  @Field(() => ID, { nullable: true, description: 'The agency whose subtree (itself and every agency below it) is rolled up; null = every agency.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'rootAgencyId: 机关 id 无效。The agency id must be a positive whole number.' })
  rootAgencyId?: string | null;

  @Field(() => [Int], { description: `Years, 1–${MAX_YEARS} of them.` })
  @IsYearList()
  years!: number[];

  @Field(() => [String], { description: `Metric codes, 1–${MAX_METRICS} of them.` })
  @ArrayMinSize(1, { message: 'metrics: 至少选择一个指标。Give at least one metric.' })
  @ArrayMaxSize(MAX_METRICS, { message: `metrics: 最多 ${MAX_METRICS} 个指标。At most ${MAX_METRICS} metrics.` })
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  metrics!: string[];
}
