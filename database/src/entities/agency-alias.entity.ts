import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type AliasOrigin = 'printed' | 'manual' | 'registry';

/** Another name under which an agency's reports are printed (洪泽区人民政府 for 淮安市洪泽区人民政府). */
@Entity('agency_alias')
export class AgencyAliasEntity {
  @PrimaryColumn('text')
  alias!: string;

  @Column('integer', { name: 'agency_id' })
  agencyId!: number;

  /** Where the alias came from: a name printed on a report, a clerk, or a registry import. */
  @Column('text')
  origin!: AliasOrigin;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
