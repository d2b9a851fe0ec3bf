import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CellModel } from './cell.model.js';
import type { OutcomeGroup, ReviewGroupKey, ValueKind } from '@ogi/domain';
import { OutcomeGroupEnum, ReviewGroupKeyEnum, ValueKindEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('DisclosureField', { description: 'One figure of a section 二 row.' })
export class DisclosureFieldModel {
  @Field(() => String, { description: 'Field key, e.g. `issued`, `amountWan`.' })
  key!: string;

  @Field(() => String, { description: 'The official column label.' })
  label!: string;

  @Field(() => String, { description: 'The label in English.' })
  labelEn!: string;

  @Field(() => ValueKindEnum, { description: 'What the figure is: a count, a signed count (本年增/减) or money (万元).' })
  kind!: ValueKind;

  @Field(() => Float, { nullable: true, description: 'The value; null when blank.' })
  value!: number | null;

  @Field(() => CellModel, { nullable: true, description: 'The cell with its evidence.' })
  cell!: CellModel | null;
}

@ObjectType('DisclosureRow', { description: 'A row of section 二 (主动公开政府信息情况), in printed order.' })
export class DisclosureRowModel {
  @Field(() => String, { description: 'Row key, e.g. `normativeDocuments`.' })
  key!: string;

  @Field(() => String, { description: 'The official row label.' })
  label!: string;

  @Field(() => String, { description: 'The label in English.' })
  labelEn!: string;

  @Field(() => String, { description: '第二十条第（N）项: the sub-table the row belongs to (一, 五, 六, 八, 九).' })
  article!: string;

  @Field(() => [DisclosureFieldModel], { description: "The row's figures, in printed order." })
  fields!: DisclosureFieldModel[];
}

@ObjectType('ApplicationRow', { description: 'A row of section 三 (收到和处理政府信息公开申请情况), in printed order.' })
export class ApplicationRowModel {
  @Field(() => String, { description: 'Row key, e.g. `newReceived`, `withheld.stateSecret`.' })
  key!: string;

  @Field(() => String, { description: 'The numbering printed before the label: 一、 （一） 1.' })
  number!: string;

  @Field(() => String, { description: 'The official row label.' })
  label!: string;

  @Field(() => String, { description: 'The label in English.' })
  labelEn!: string;

  @Field(() => OutcomeGroupEnum, { nullable: true, description: 'The outcome group of an outcome row; null for the other rows.' })
  group!: OutcomeGroup | null;

  @Field(() => String, { nullable: true, description: 'The official label of the outcome group, e.g. 不予公开.' })
  groupLabel!: string | null;

  @Field(() => [Int], {
    nullable: 'items',
    description: 'The 7 columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. null = blank.',
  })
  values!: (number | null)[];

  @Field(() => [CellModel], { nullable: 'items', description: 'The cells of the 7 columns.' })
  cells!: (CellModel | null)[];
}

@ObjectType('ReviewRow', { description: 'A group of section 四 (行政复议、行政诉讼).' })
export class ReviewRowModel {
  @Field(() => ReviewGroupKeyEnum, { description: 'Which group.' })
  key!: ReviewGroupKey;

  @Field(() => String, { description: 'The official label.' })
  label!: string;

  @Field(() => String, { description: 'The label in English.' })
  labelEn!: string;

  @Field(() => [Int], { nullable: 'items', description: 'The 5 columns: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. null = blank.' })
  values!: (number | null)[];

  @Field(() => [CellModel], { nullable: 'items', description: 'The cells of the 5 columns.' })
  cells!: (CellModel | null)[];
}
