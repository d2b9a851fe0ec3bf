import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('NarrativeFact', { description: 'A number the report text states (共受理申请29件), with its sentence.' })
export class NarrativeFactModel {
  @Field(() => String, { description: 'What the number is: applicationsReceived, reviews, onTimeRate…' })
  kind!: string;

  @Field(() => Float, { description: 'The number stated.' })
  value!: number;

  @Field(() => String, { description: 'The sentence it came from.' })
  sentence!: string;

  @Field(() => Int, { description: 'Start offset of the sentence in the report text.' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive) of the sentence in the report text.' })
  end!: number;
}
