import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AgencyKind, AgencyLevel, ReportScope } from '@ogi/domain';

/** An issuing agency: a government or one of its departments. */
@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  /** Canonical name, e.g. 鄂州市行政审批局. */
  @Column('text', { unique: true })
  name!: string;

  @Column('text')
  kind!: AgencyKind;

  @Column('text', { nullable: true })
  level!: AgencyLevel | null;

  @Column('integer', { name: 'parent_id', nullable: true })
  parentId!: number | null;

  /** The page where the agency lists its annual reports, when known. */
  @Column('text', { name: 'listing_url', nullable: true })
  listingUrl!: string | null;

  /** What the agency's reports usually cover (self or region aggregate), when the registry knows it. */
  @Column('text', { name: 'usual_scope', nullable: true })
  usualScope!: ReportScope | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
