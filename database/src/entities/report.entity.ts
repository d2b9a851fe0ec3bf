import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportScope, Template } from '@ogi/domain';

/**
 * One version of one agency's report for one year. Re-importing a changed file for the same agency and year
 * adds a version and makes it current; earlier versions stay (is_current = false).
 */
@Entity('report')
export class ReportEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('integer', { name: 'agency_id' })
  agencyId!: number;

  /** The year the data covers. */
  @Column('smallint')
  year!: number;

  @Column('text')
  template!: Template;

  @Column('text')
  scope!: ReportScope;

  @Column('text', { name: 'printed_agency_name', nullable: true })
  printedAgencyName!: string | null;

  /** `YYYY-MM-DD`. */
  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;

  @Column('date')
  deadline!: string;

  /** Whole days after the deadline (0 = on time); null when no publication date is printed. */
  @Column('integer', { name: 'days_late', nullable: true })
  daysLate!: number | null;

  @Column('integer', { name: 'source_file_id', unique: true })
  sourceFileId!: number;

  /** SHA-256 of the parsed contents (metadata and tables): equal hashes mean the same report. */
  @Column('char', { name: 'content_hash', length: 64 })
  contentHash!: string;

  /** The normalised text every cell's source offsets point into. Not loaded unless asked for. */
  @Column('text', { name: 'raw_text', select: false })
  rawText!: string;

  @Column('text', { name: 'parser_version' })
  parserVersion!: string;

  @Column('integer')
  version!: number;

  @Column('boolean', { name: 'is_current' })
  isCurrent!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
