import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NarrativeFactKind } from '@ogi/domain';
import { numericTransformer } from './transformers.js';

/** A number the report's text states (共受理申请29件), with the sentence and its offsets in the report text. */
@Entity('narrative_fact')
export class NarrativeFactEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('integer', { name: 'report_id' })
  reportId!: number;

  @Column('text')
  kind!: NarrativeFactKind;

  @Column('numeric', { transformer: numericTransformer })
  value!: number;

  @Column('text')
  sentence!: string;

  @Column('integer', { name: 'start_offset' })
  startOffset!: number;

  @Column('integer', { name: 'end_offset' })
  endOffset!: number;
}
