import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BREAKDOWNS } from '@ogi/domain';

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
}
