import type { IngestBatchOrigin, IngestBatchStatus, IngestItemStatus } from '@ogi/domain';
import { IngestBatchOriginEnum, IngestBatchStatusEnum, IngestItemStatusEnum } from '../../../common/graphql/domain-enums.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('IngestItem', { description: 'One file of an import batch and what became of it.' })
export class IngestItemModel {
  @Field(() => Int, { description: 'Position of the file in the batch, from 0.' })
  position!: number;

  @Field(() => String, { description: 'The file name as uploaded or found on disk.' })
  fileName!: string;

  @Field(() => String, { nullable: true, description: 'The path read, for command-line imports.' })
  path!: string | null;

  @Field(() => Int, { nullable: true, description: 'Size in bytes, for uploads.' })
  byteSize!: number | null;

  @Field(() => IngestItemStatusEnum, { description: 'pending (not done yet: the batch is running or was interrupted) | stored | duplicate | failed.' })
  status!: IngestItemStatus;

  @Field(() => ID, { nullable: true, description: 'The report the file was stored as, or the one it duplicates.' })
  reportId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the file failed: a stable code (parser or ingest codes).' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the file failed, for a clerk (Chinese).' })
  errorMessage!: string | null;

  @Field(() => String, { nullable: true, description: 'When the file was done (ISO 8601).' })
  finishedAt!: string | null;
}

@ObjectType('IngestBatch', {
  description: 'Files imported together (an upload, a `pnpm ingest` run, the sample import), tracked so an interrupted run can be resumed.',
})
export class IngestBatchModel {
  @Field(() => ID, { description: "The batch number (printed by `pnpm ingest`, sent in the upload answer's X-Ingest-Batch header)." })
  id!: string;

  @Field(() => IngestBatchOriginEnum, { description: 'upload | cli | seed | url.' })
  origin!: IngestBatchOrigin;

  @Field(() => IngestBatchStatusEnum, { description: 'running | interrupted (its process stopped before the end: resume it) | done.' })
  status!: IngestBatchStatus;

  @Field(() => Int, { description: 'Files in the batch.' })
  fileCount!: number;

  @Field(() => Int, { description: 'Files not done yet.' })
  pending!: number;

  @Field(() => Int, { description: 'Files stored as a new report or a new version.' })
  stored!: number;

  @Field(() => Int, { description: 'Files already present (the same file, or the same contents in other bytes).' })
  duplicate!: number;

  @Field(() => Int, { description: 'Files refused, each with its reason.' })
  failed!: number;

  @Field(() => String, { description: 'Who started it.' })
  createdBy!: string;

  @Field(() => String, { description: 'When it started (ISO 8601).' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'When its last file was done (ISO 8601).' })
  finishedAt!: string | null;
}

@ObjectType('IngestBatchPage', { description: 'A page of import batches, newest first.' })
export class IngestBatchPageModel {
  @Field(() => [IngestBatchModel], { description: 'The batches of this page.' })
  items!: IngestBatchModel[];

  @Field(() => Int, { description: 'How many batches there are in all.' })
  total!: number;
}
