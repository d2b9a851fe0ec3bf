import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../../common/graphql/ids.js';
import { MAX_METRICS, MAX_YEARS, IsYearList, IsMetricCodeList } from './years.js';

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
  @IsMetricCodeList()
  metrics!: string[];
}
