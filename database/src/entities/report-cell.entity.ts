import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CellSource, CellState, CellValue, TableSection } from '@ogi/domain';
import { numericTransformer } from './transformers.js';

/** One table cell of a report, long form, with the evidence it was read from. */
@Entity('report_cell')
export class ReportCellEntity {
  @PrimaryColumn('integer', { name: 'report_id' })
  reportId!: number;

  @PrimaryColumn('text')
  section!: TableSection;

  @PrimaryColumn('text', { name: 'row_key' })
  rowKey!: string;

  /** A field key (section 二) or a column index (sections 三 and 四). */
  @PrimaryColumn('text', { name: 'column_key' })
  columnKey!: string;

  @Column('numeric', { precision: 18, scale: 6, nullable: true, transformer: numericTransformer })
  value!: CellValue;

  @Column('text')
  state!: CellState;

  /** The characters the value was read from, as printed. */
  @Column('text')
  raw!: string;

  @Column('real')
  confidence!: number;

  @Column('jsonb', { nullable: true })
  source!: CellSource | null;

  @Column('jsonb', { nullable: true })
  alternatives!: CellValue[] | null;

  @Column('text', { name: 'unit_raw', nullable: true })
  unitRaw!: string | null;
}
