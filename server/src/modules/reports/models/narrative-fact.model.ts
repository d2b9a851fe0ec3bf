import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { NarrativeFactKind } from '@ogi/domain';
import { NarrativeFactKindEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('NarrativeFact', { description: 'A number the report text states (共受理申请29件), with its sentence.' })
export class NarrativeFactModel {
  @Field(() => NarrativeFactKindEnum, { description: 'What the number is.' })
  kind!: NarrativeFactKind;

  @Field(() => Float, { description: 'The number stated.' })
  value!: number;

  @Field(() => String, { description: 'The sentence it came from.' })
  sentence!: string;

  @Field(() => Int, { description: 'Start offset of the sentence in the report text.' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive) of the sentence in the report text.' })
  end!: number;
}
