import { NotableChangeKindEnum, ThresholdColourEnum } from '../../../common/graphql/domain-enums.js';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import { ThresholdModel } from './threshold.model.js';
import type { MetricQuality, NotableChangeKind, ThresholdColour } from '@ogi/domain';
import { MetricQualityEnum } from '../../analytics/models/metric-quality.model.js';

@ObjectType('LeagueRow', { description: 'One agency in a league table: its colour, value, quality and why.' })
export class LeagueRowModel {
  @Field(() => AgencyModel, { description: 'The agency.' })
  agency!: AgencyModel;

  @Field(() => ThresholdColourEnum, { description: 'red | yellow | green | small_sample (below the least sample: not coloured) | no_value.' })
  colour!: ThresholdColour;

  @Field(() => Float, { nullable: true, description: "The value, in the metric's unit (ratios as 0–1)." })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: "The sample: a ratio's denominator; for counts the applications handled." })
  sample!: number | null;

  @Field(() => MetricQualityEnum, { description: 'The quality state of the value, as stored with the metric.' })
  quality!: MetricQuality;

  @Field(() => String, { description: 'Why this colour, in Chinese (e.g. 37.5% 低于红线 40.0%).' })
  reasonZh!: string;

  @Field(() => String, { description: 'Why this colour, in English.' })
  reasonEn!: string;

  @Field(() => ID, { description: 'The report the value comes from.' })
  reportId!: string;
}

@ObjectType('LeagueCounts', { description: 'How many agencies got each colour.' })
export class LeagueCountsModel {
  @Field(() => Int, { description: 'Red: beyond the red bound.' }) red!: number;
  @Field(() => Int, { description: 'Yellow: beyond the yellow bound, not the red.' }) yellow!: number;
  @Field(() => Int, { description: 'Green: within the yellow bound, with enough sample.' }) green!: number;
  @Field(() => Int, { description: 'Below the least sample: not coloured.' }) small_sample!: number;
  @Field(() => Int, { description: 'The report gives no value.' }) no_value!: number;
}

@ObjectType('LeagueTable', { description: "Agencies' own reports for a year, coloured by a metric's thresholds; worst first." })
export class LeagueTableModel {
  @Field(() => String, { description: 'Metric code.' }) metric!: string;
  @Field(() => String, { description: "The metric's name in Chinese." }) metricNameZh!: string;
  @Field(() => String, { description: "The metric's name in English." }) metricNameEn!: string;
  @Field(() => Int, { description: 'The data year.' }) year!: number;
  @Field(() => ThresholdModel, { description: 'The thresholds applied (their version).' })
  threshold!: ThresholdModel;
  /** Every row, worst first; the API serves them through LeagueTableResolver's `rows(first:)`. */
  rows!: LeagueRowModel[];
  @Field(() => LeagueCountsModel, { description: 'Agencies per colour.' })
  counts!: LeagueCountsModel;
  @Field(() => Int, { description: 'Coverage: agencies selected.' })
  agenciesSelected!: number;
  @Field(() => Int, { description: 'Coverage: of them, agencies with their own (self) report for the year, i.e. in the table.' })
  agenciesWithReport!: number;
  @Field(() => String, { description: 'The table in one rule-written sentence.' })
  sentenceZh!: string;
  @Field(() => String, { description: 'The table in one sentence, in English.' })
  sentenceEn!: string;
}

@ObjectType('NotableChange', { description: 'A year-on-year jump or an outlier among peers, explaining itself.' })
export class NotableChangeModel {
  @Field(() => AgencyModel, { description: 'The agency.' })
  agency!: AgencyModel;
  @Field(() => Int, { description: 'The data year.' }) year!: number;
  @Field(() => NotableChangeKindEnum, { description: 'jump | outlier.' }) kind!: NotableChangeKind;
  @Field(() => String, { description: 'Metric code.' }) metric!: string;
  @Field(() => String, { description: 'e.g. 本年新收申请较上年增长 4 倍（20 件 → 100 件）.' }) messageZh!: string;
  @Field(() => String, { description: 'The flag explained, in English.' }) messageEn!: string;
  @Field(() => MetricQualityEnum, { description: 'The quality state of the value flagged, as stored with the metric.' }) quality!: MetricQuality;
  @Field(() => ID, { description: 'The report the value comes from.' }) reportId!: string;
}
