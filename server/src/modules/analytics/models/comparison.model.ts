import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import type { MetricQuality, NarrativeFactKind, ReportScope } from '@ogi/domain';
import { NarrativeFactKindEnum, ReportScopeEnum } from '../../../common/graphql/domain-enums.js';
import { MetricDefinitionModel } from './metric-definition.model.js';
import { MetricQualityEnum } from './metric-quality.model.js';

@ObjectType('NarrativeEvidence', { description: 'A statement of the report text a figure rests on.' })
export class NarrativeEvidenceModel {
  @Field(() => NarrativeFactKindEnum, { description: 'What the statement gives.' })
  kind!: NarrativeFactKind;

  @Field(() => Float, { description: 'The number it states (a rate 0–1, a count, or 1 for "all on time").' })
  value!: number;

  @Field(() => String, { description: 'The sentence as printed.' })
  sentence!: string;

  @Field(() => Int, { description: 'Where the sentence starts in the report text (character offset).' })
  start!: number;

  @Field(() => Int, { description: 'Where it ends.' })
  end!: number;
}

@ObjectType('MetricValue', { description: "One metric of one agency's current report for one year." })
export class MetricValueModel {
  @Field(() => ID, { description: 'The agency.' })
  agencyId!: string;

  @Field(() => Int, { description: 'The year the data covers.' })
  year!: number;

  @Field(() => String, { description: 'Metric code (see metricDefinitions).' })
  metric!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The value; null when a cell it needs is blank, its base is 0, or it does not apply to the report format.',
  })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Numerator (for counts, the count itself).' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator of a ratio; null for counts.' })
  denominator!: number | null;

  @Field(() => ID, { nullable: true, description: 'The current report the value comes from.' })
  reportId!: string | null;

  @Field(() => MetricQualityEnum, { description: 'What the value rests on (see MetricQuality).' })
  quality!: MetricQuality;

  @Field(() => String, { nullable: true, description: 'The format version of the report: "2019" or "2021".' })
  template!: string | null;

  @Field(() => ReportScopeEnum, { description: "The report's scope." })
  scope!: ReportScope;

  @Field(() => Float, { nullable: true, description: 'The metric on the printed tables.' })
  printedValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The metric with every total a rule can recompute taken from its parts (equal to printedValue when the tables add up).',
  })
  partsValue!: number | null;

  @Field(() => [NarrativeEvidenceModel], { description: 'The sentences of the report a self-reported value rests on, with their position in the report text.' })
  evidence!: NarrativeEvidenceModel[];
}

@ObjectType('Comparison', { description: 'Metrics of a set of agencies over years: the grid behind comparison charts and exports.' })
export class ComparisonModel {
  @Field(() => [AgencyModel], { description: 'The agencies selected, by name or in the order asked; with `take`, that page of them.' })
  agencies!: AgencyModel[];

  @Field(() => Int, { description: 'How many agencies the selection holds (all pages).' })
  agencyCount!: number;

  @Field(() => [Int], { description: 'The years asked for, ascending.' })
  years!: number[];

  @Field(() => [MetricDefinitionModel], { description: 'The metrics asked for, with their definitions, in the order asked.' })
  metrics!: MetricDefinitionModel[];

  @Field(() => [MetricValueModel], {
    description:
      'One value per agency × year × metric for which the agency has a current report that year (value null when the metric does not apply to its format); no entry when it has no report.',
  })
  values!: MetricValueModel[];
}
