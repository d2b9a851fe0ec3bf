import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The address of an agency's report for one data year, when a clerk knows it (besides its listing page). */
@Entity('agency_report_url')
export class AgencyReportUrlEntity {
  @PrimaryColumn('integer', { name: 'agency_id' })
  agencyId!: number;

  @PrimaryColumn('smallint')
  year!: number;

  @Column('text')
  url!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
