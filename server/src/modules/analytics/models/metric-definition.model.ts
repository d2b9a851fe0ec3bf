import { Field, ObjectType } from '@nestjs/graphql';
import type { MetricCategory, MetricDefinition, MetricUnit, ReconciliationBasis } from '@ogi/domain';
import { MetricCategoryEnum, MetricUnitEnum, ReconciliationBasisEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('MetricDefinition', {
  description: 'A metric of the shared dictionary (@ogi/domain METRICS): what it measures, how it is computed and what it divides by.',
})
export class MetricDefinitionModel {
  @Field(() => String, { description: 'Stable code, e.g. outcomes.disclosureRate. Use it in compare, ranking, rollup and timeSeries.' })
  code!: string;

  @Field(() => MetricCategoryEnum, { description: 'The group it is listed under.' })
  category!: MetricCategory;

  @Field(() => String, { description: 'Name in Chinese, e.g. 公开率.' })
  nameZh!: string;

  @Field(() => String, { description: 'Name in English.' })
  nameEn!: string;

  @Field(() => String, { description: 'How it is computed from the report tables, in Chinese (row labels as printed).' })
  formulaZh!: string;

  @Field(() => String, { description: 'How it is computed, in English.' })
  formulaEn!: string;

  @Field(() => String, { nullable: true, description: 'For ratios: what it divides by, in Chinese. null for counts.' })
  denominatorZh!: string | null;

  @Field(() => String, { nullable: true, description: 'For ratios: what it divides by, in English. null for counts.' })
  denominatorEn!: string | null;

  @Field(() => MetricUnitEnum, { description: 'Its unit (ratios as 0–1).' })
  unit!: MetricUnit;

  @Field(() => [String], { description: 'Report formats it can be computed for: "2019" and/or "2021".' })
  templates!: string[];

  @Field(() => String, { nullable: true, description: 'What to keep in mind when comparing, in Chinese.' })
  caveatZh!: string | null;

  @Field(() => String, { nullable: true, description: 'What to keep in mind when comparing, in English.' })
  caveatEn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true when a higher value is better, false when lower is better, null when neither (rankings default to the better end first).',
  })
  higherIsBetter!: boolean | null;

  @Field(() => ReconciliationBasisEnum, {
    description: 'Which reading the metric uses when a printed total contradicts its parts: PRINTED (the default) or PARTS (see reconciliationReasonZh).',
  })
  reconciliation!: ReconciliationBasis;

  @Field(() => String, { nullable: true, description: 'Why the metric uses the parts, in Chinese (null for PRINTED: the policy applies as stated).' })
  reconciliationReasonZh!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the metric uses the parts, in English.' })
  reconciliationReasonEn!: string | null;

  @Field(() => Boolean, { description: 'true for a figure the report states in its text (quality SELF_REPORTED); the tables cannot check it.' })
  selfReported!: boolean;
}

export function toMetricDefinitionModel(m: MetricDefinition): MetricDefinitionModel {
  return {
    code: m.code,
    category: m.category,
    nameZh: m.nameZh,
    nameEn: m.nameEn,
    formulaZh: m.formulaZh,
    formulaEn: m.formulaEn,
    denominatorZh: m.denominatorZh ?? null,
    denominatorEn: m.denominatorEn ?? null,
    unit: m.unit,
    templates: [...m.templates],
    caveatZh: m.caveatZh ?? null,
    caveatEn: m.caveatEn ?? null,
    higherIsBetter: m.higherIsBetter ?? null,
    reconciliation: m.reconciliation ? 'PARTS' : 'PRINTED',
    reconciliationReasonZh: m.reconciliation?.reasonZh ?? null,
    reconciliationReasonEn: m.reconciliation?.reasonEn ?? null,
    selfReported: m.selfReported === true,
  };
}
