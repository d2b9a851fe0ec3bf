import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Finding, RuleCode, Severity } from '@ogi/domain';
import { numericTransformer } from './transformers.js';

/** Something a consistency check noticed about a report. */
@Entity('report_finding')
export class ReportFindingEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('integer', { name: 'report_id' })
  reportId!: number;

  @Column('text')
  rule!: RuleCode;

  @Column('text')
  severity!: Severity;

  @Column('text')
  status!: Finding['status'];

  /** Cell paths involved, e.g. `applications.newReceived[0]`. */
  @Column('text', { array: true })
  cells!: string[];

  @Column('numeric', { nullable: true, transformer: numericTransformer })
  expected!: number | null;

  @Column('numeric', { nullable: true, transformer: numericTransformer })
  actual!: number | null;

  @Column('text', { name: 'message_zh' })
  messageZh!: string;

  @Column('text', { name: 'message_en' })
  messageEn!: string;
}
