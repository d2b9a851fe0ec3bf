import type { FetchedUrlKind, FetchedUrlStatus } from '@ogi/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An address the collector fetched, and what came of the last fetch. One row per address. */
@Entity('fetched_url')
export class FetchedUrlEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('text', { unique: true })
  url!: string;

  @Column('text')
  kind!: FetchedUrlKind;

  @Column('text')
  status!: FetchedUrlStatus;

  /** The report it gave (stored now, or already present). */
  @Column('integer', { name: 'report_id', nullable: true })
  reportId!: number | null;

  /** For a page whose report is an attached file: that file's address. */
  @Column('text', { name: 'attachment_url', nullable: true })
  attachmentUrl!: string | null;

  /** The listing page (or report page, for an attachment) that linked to it. */
  @Column('text', { name: 'found_on', nullable: true })
  foundOn!: string | null;

  @Column('text', { name: 'link_text', nullable: true })
  linkText!: string | null;

  /** The year the link's text names. */
  @Column('smallint', { name: 'link_year', nullable: true })
  linkYear!: number | null;

  /** Where the redirects ended. */
  @Column('text', { name: 'final_url', nullable: true })
  finalUrl!: string | null;

  @Column('text', { name: 'content_type', nullable: true })
  contentType!: string | null;

  @Column('integer', { name: 'byte_size', nullable: true })
  byteSize!: number | null;

  @Column('char', { name: 'content_sha256', length: 64, nullable: true })
  contentSha256!: string | null;

  @Column('text', { name: 'error_code', nullable: true })
  errorCode!: string | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage!: string | null;

  /** Who fetched it last: a user name, `cli:<user>`, or `system` (the scheduled poll). */
  @Column('text', { name: 'fetched_by', nullable: true })
  fetchedBy!: string | null;

  @Column('integer', { name: 'fetched_by_user_id', nullable: true })
  fetchedByUserId!: number | null;

  @Column('timestamptz', { name: 'first_fetched_at' })
  firstFetchedAt!: Date;

  @Column('timestamptz', { name: 'last_fetched_at' })
  lastFetchedAt!: Date;
}
