import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BREAKDOWNS, type MetricQuality, type ReportScope } from '@ogi/domain';
import { ReportScopeEnum } from '../../../common/graphql/domain-enums.js';
import { MetricQualityEnum } from './metric-quality.model.js';

export enum BreakdownDimension {
  OUTCOMES = 'OUTCOMES',
  WITHHOLDING_REASONS = 'WITHHOLDING_REASONS',
  UNABLE_TO_PROVIDE = 'UNABLE_TO_PROVIDE',
  NOT_PROCESSED = 'NOT_PROCESSED',
  OTHER_HANDLING = 'OTHER_HANDLING',
  APPLICANT_TYPES = 'APPLICANT_TYPES',
  REVIEW_OUTCOMES = 'REVIEW_OUTCOMES',
  LITIGATION_OUTCOMES = 'LITIGATION_OUTCOMES',
}
registerEnumType(BreakdownDimension, {
  name: 'BreakdownDimension',
  description: 'What a breakdown splits: the parts come from @ogi/domain BREAKDOWNS.',
  valuesMap: Object.fromEntries(
    Object.values(BreakdownDimension).map((d) => [
      d,
      { description: `${BREAKDOWNS[d].labelZh} / ${BREAKDOWNS[d].labelEn}: ${BREAKDOWNS[d].parts.map((p) => p.key).join(', ')}.` },
    ]),
  ),
});

@ObjectType('BreakdownRow', { description: 'One part of a breakdown for one agency (or the selection combined) and year.' })
export class BreakdownRowModel {
  @Field(() => ID, { nullable: true, description: 'The agency; null for the selection combined (combine: true).' })
  agencyId!: string | null;

  @Field(() => Int, { description: 'The year the data covers.' })
  year!: number;

  @Field(() => String, { description: 'Part key, e.g. granted, thirdPartyRights, naturalPerson, corrected.' })
  key!: string;

  @Field(() => String, { description: 'Label in Chinese, as the official table prints it.' })
  labelZh!: string;

  @Field(() => String, { description: 'Label in English.' })
  labelEn!: string;

  @Field(() => Float, { nullable: true, description: 'The count; null when a cell it needs is blank (blank is not zero).' })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'value ÷ the sum of the known values of all parts for the same agency and year; null when that sum is 0.',
  })
  share!: number | null;

  @Field(() => [ReportScopeEnum], {
    description:
      "The scopes of the reports the value rests on: self (an agency's own work) or region_aggregate (a government's report standing for the agencies below it, never added to theirs). One scope on an agency's row.",
  })
  scopes!: ReportScope[];

  @Field(() => MetricQualityEnum, {
    nullable: true,
    description: "The part's quality in the agency's report (see MetricQuality); null for the selection combined.",
  })
  quality!: MetricQuality | null;

  @Field(() => Int, { description: 'Reports whose value of this part is in the sum (a region_aggregate report counts once).' })
  reportsCounted!: number;

  @Field(() => Int, { description: 'Reports that print this part blank: left out of the sum (blank is not zero).' })
  reportsBlank!: number;

  @Field(() => Int, { description: 'Agencies the counted reports speak for (a region_aggregate report speaks for itself and the selected agencies below it).' })
  agenciesCovered!: number;

  @Field(() => Int, {
    description: "Agencies the row could have covered: the selection (combined), or 1 (an agency's row). Coverage = agenciesCovered ÷ agenciesExpected.",
  })
  agenciesExpected!: number;

  @Field(() => Int, { description: 'Of the reports counted, those whose value of this part is CONTRADICTED (still summed; see MetricQuality).' })
  reportsContradicted!: number;

  @Field(() => Int, { description: 'Of the reports counted, those whose value of this part is UNCERTAIN.' })
  reportsUncertain!: number;

  @Field(() => Int, { description: 'Of the reports counted, those whose value of this part is UNVERIFIABLE.' })
  reportsUnverifiable!: number;

  @Field(() => Int, { description: "Of the reports counted, those whose value of this part is CORRECTED (an editor's correction)." })
  reportsCorrected!: number;
}
