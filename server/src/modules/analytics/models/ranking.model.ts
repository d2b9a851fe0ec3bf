import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { MetricQuality, ReportScope } from '@ogi/domain';
import { ReportScopeEnum } from '../../../common/graphql/domain-enums.js';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import { MetricQualityEnum } from './metric-quality.model.js';

export enum RankOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(RankOrder, {
  name: 'RankOrder',
  description: 'Sort direction of a ranking.',
  valuesMap: { ASC: { description: 'Smallest value first.' }, DESC: { description: 'Largest value first.' } },
});

@ObjectType('RankingItem', { description: 'One agency in a ranking.' })
export class RankingItemModel {
  @Field(() => Int, { description: 'Rank from 1; equal values share a rank and the next rank is skipped (1, 2, 2, 4).' })
  rank!: number;

  @Field(() => AgencyModel, { description: 'The agency.' })
  agency!: AgencyModel;

  @Field(() => Float, { nullable: true, description: 'The metric value.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Numerator (for counts, the count itself).' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator of a ratio; null for counts.' })
  denominator!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The sample size compared with minSample: a ratio's denominator; for counts, the applications handled (（七）总计).",
  })
  sample!: number | null;

  @Field(() => ID, { nullable: true, description: 'The current report the value comes from.' })
  reportId!: string | null;

  @Field(() => MetricQualityEnum, { description: 'What the value rests on (see MetricQuality).' })
  quality!: MetricQuality;
}

@ObjectType('RankingPage', { description: 'A page of a ranking.' })
export class RankingPageModel {
  @Field(() => [RankingItemModel], { description: 'The ranked agencies of this page, best rank first.' })
  items!: RankingItemModel[];

  @Field(() => Int, { description: 'How many agencies are ranked in all.' })
  total!: number;

  @Field(() => Int, { description: 'Agencies with a value that were left out because their sample is below minSample.' })
  excludedBelowMinSample!: number;

  @Field(() => Int, {
    description: 'Agencies with a value that were left out because the product knows it may be wrong (CONTRADICTED or UNCERTAIN), unless includeDoubtful.',
  })
  excludedByQuality!: number;

  @Field(() => Int, {
    description:
      'Agencies of the selection with a current report of this scope for the year but no value (a blank cell, a zero base, a format without the metric).',
  })
  excludedWithoutValue!: number;

  @Field(() => Int, { description: 'Agencies of the selection with no current report of this scope for the year.' })
  withoutReport!: number;

  @Field(() => ReportScopeEnum, { description: 'The one report scope ranked (rankings never mix scopes).' })
  scope!: ReportScope;
}
