import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The bytes of an imported file, exactly as received. `sha256` makes import idempotent. */
@Entity('source_file')
export class SourceFileEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('char', { length: 64, unique: true })
  sha256!: string;

  @Column('text', { name: 'file_name' })
  fileName!: string;

  /** The container detected from the content: text, markdown, html, pdf, docx. */
  @Column('text')
  format!: string;

  @Column('integer', { name: 'byte_size' })
  byteSize!: number;

  /** Not loaded unless asked for: files run to megabytes. */
  @Column('bytea', { select: false })
  content!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
