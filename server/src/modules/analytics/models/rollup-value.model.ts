import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RollupValue', {
  description:
    "A metric over many agencies for one year, without double counting: the sum of the scope = 'self' reports of every agency included, " +
    'except that where a government included publishes a region_aggregate report for a year, that report stands for its whole subtree ' +
    'that year (its members are not added again). Ratios are Σ numerators ÷ Σ denominators, never an average of ratios.',
})
export class RollupValueModel {
  @Field(() => Int, { description: 'The year the data covers.' })
  year!: number;

  @Field(() => String, { description: 'Metric code (see metricDefinitions).' })
  metric!: string;

  @Field(() => Float, { nullable: true, description: 'The rolled-up value; null when no counted report has it (or the base is 0).' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ numerators of the counted reports that have the metric.' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ denominators (ratios only).' })
  denominator!: number | null;

  @Field(() => Int, { description: 'Reports whose figures entered the sums (a region_aggregate report counts once).' })
  reportsCounted!: number;

  @Field(() => Int, {
    description:
      'Agencies whose activity those reports cover: 1 per self report; a region_aggregate report covers its agency and every included agency below it.',
  })
  agenciesCovered!: number;

  @Field(() => Int, { description: 'Agencies selected: the agencies this value could have covered (coverage = agenciesCovered ÷ agenciesExpected).' })
  agenciesExpected!: number;

  @Field(() => Int, { description: 'Of the reports counted, those whose value is CONTRADICTED or UNCERTAIN (still counted; see MetricQuality).' })
  reportsDoubtful!: number;

  @Field(() => Int, { description: 'Reporting agencies counted both this year and the year before (the matched panel of the year-on-year change).' })
  matchedAgencies!: number;

  @Field(() => Float, { nullable: true, description: 'The value over the matched panel this year.' })
  matchedValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value over the same matched panel the year before.' })
  matchedPreviousValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Year-on-year change on the matched panel: (matchedValue − matchedPreviousValue) ÷ matchedPreviousValue; null without a panel or with a 0 base.',
  })
  matchedChange!: number | null;

  @Field(() => Boolean, { description: 'Whether the agencies covered differ from the year before (a series should mark the break).' })
  coverageChanged!: boolean;

  @Field(() => String, { nullable: true, description: '数据截至: the date (China time, YYYY-MM-DD) the newest report counted was stored.' })
  dataAsOf!: string | null;
}
