import type { ListingCheckOutcome } from '@ogi/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One check of an agency's listing page for a data year: what was found, and when. */
@Entity('listing_check')
export class ListingCheckEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('integer', { name: 'agency_id' })
  agencyId!: number;

  @Column('smallint')
  year!: number;

  @Column('timestamptz', { name: 'checked_at' })
  checkedAt!: Date;

  @Column('text')
  outcome!: ListingCheckOutcome;

  @Column('text', { name: 'listing_url' })
  listingUrl!: string;

  /** The report's address, when one was found for the year. */
  @Column('text', { name: 'found_url', nullable: true })
  foundUrl!: string | null;

  @Column('integer', { name: 'report_id', nullable: true })
  reportId!: number | null;

  @Column('text', { name: 'error_code', nullable: true })
  errorCode!: string | null;

  /** What a clerk reads: why it failed, or what was found. */
  @Column('text', { nullable: true })
  detail!: string | null;

  /** Who ran the check: a user name, `cli:<user>`, or `system` (the scheduled poll). */
  @Column('text', { name: 'checked_by', nullable: true })
  checkedBy!: string | null;

  @Column('integer', { name: 'checked_by_user_id', nullable: true })
  checkedByUserId!: number | null;
}
