import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import { MetricDefinitionModel } from './metric-definition.model.js';

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
}

@ObjectType('Comparison', { description: 'Metrics of a set of agencies over years: the grid behind comparison charts and exports.' })
export class ComparisonModel {
  @Field(() => [AgencyModel], { description: 'The agencies selected, by name.' })
  agencies!: AgencyModel[];

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
