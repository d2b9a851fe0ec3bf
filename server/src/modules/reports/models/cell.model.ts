import type { CellState, TableSection } from '@ogi/domain';
import { CellStateEnum, TableSectionEnum } from '../../../common/graphql/domain-enums.js';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Cell', { description: 'One table cell as read from the document, with where it was read.' })
export class CellModel {
  @Field(() => String, { description: 'e.g. `applications.newReceived[0]`, `activeDisclosure.fees.amountWan`.' })
  path!: string;

  @Field(() => TableSectionEnum, { description: 'The table section.' })
  section!: TableSection;

  @Field(() => String, { description: 'Row key of the official layout, e.g. `newReceived`.' })
  row!: string;

  @Field(() => String, { description: 'Field key (section 二) or column index 0–6 / 0–4 (sections 三, 四).' })
  column!: string;

  @Field(() => Float, { nullable: true, description: 'The number; null when the document prints nothing there (blank is not zero).' })
  value!: number | null;

  @Field(() => CellStateEnum, { description: 'NUMERIC | ZERO | EMPTY | NA | TEXT: how the cell was printed.' })
  state!: CellState;

  @Field(() => String, { description: 'The characters the value was read from, as printed.' })
  raw!: string;

  @Field(() => Float, { description: '1 = read from a cell of its own; lower when a split or positional reading was needed.' })
  confidence!: number;

  @Field(() => Int, { nullable: true, description: 'Start offset of the value in the report text.' })
  sourceStart!: number | null;

  @Field(() => Int, { nullable: true, description: 'End offset (exclusive) of the value in the report text.' })
  sourceEnd!: number | null;

  @Field(() => Int, { nullable: true, description: 'PDF page (1-based) the value was read on, for PDF reports.' })
  sourcePage!: number | null;

  @Field(() => [Float], { nullable: 'itemsAndList', description: 'Other readings the document allows (glued digits), most plausible first.' })
  alternatives!: (number | null)[] | null;

  @Field(() => String, { nullable: true, description: 'The unit as printed, for money.' })
  unitRaw!: string | null;

  /** Internal key (the report version), for fields other domains add to Cell. */
  reportId!: number;
}
