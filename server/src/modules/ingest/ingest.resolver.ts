import { Logger } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BatchError, type BatchItem, type BatchSummary } from '@ogi/write-model/batches';
import { summarise } from '@ogi/write-model/ingest';
import { ACCESS } from '../../common/access/access-policy.js';
import { CurrentUser, Roles } from '../../common/access/access.decorators.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import { PagingArgs, paging } from '../../common/graphql/paging.args.js';
import { IngestBatchArgs, IngestBatchesArgs } from './dto/ingest-batch.args.js';
import { IngestService } from './ingest.service.js';
import { IngestBatchModel, IngestBatchPageModel, IngestItemModel } from './models/ingest-batch.model.js';

export const toBatchModel = (b: BatchSummary): IngestBatchModel => ({
  id: String(b.id),
  origin: b.origin,
  status: b.status,
  fileCount: b.fileCount,
  pending: b.pending,
  stored: b.stored,
  duplicate: b.duplicate,
  failed: b.failed,
  createdBy: b.createdBy,
  createdAt: b.createdAt.toISOString(),
  finishedAt: b.finishedAt?.toISOString() ?? null,
});

const toItemModel = (i: BatchItem): IngestItemModel => ({
  position: i.position,
  fileName: i.fileName,
  path: i.path,
  byteSize: i.byteSize,
  status: i.status,
  reportId: i.reportId === null ? null : String(i.reportId),
  errorCode: i.errorCode,
  errorMessage: i.errorMessage,
  finishedAt: i.finishedAt?.toISOString() ?? null,
});

@Resolver(() => IngestBatchModel)
export class IngestResolver {
  private readonly logger = new Logger('Ingest');

  constructor(private readonly ingest: IngestService) {}

  @Query(() => IngestBatchPageModel, { description: 'Import batches, newest first (editors and admins).' })
  @Roles(...ACCESS.edit)
  async ingestBatches(@Args() args: IngestBatchesArgs): Promise<IngestBatchPageModel> {
    const { take, skip } = paging(args);
    const page = await this.ingest.batches.list(take, skip);
    return { items: page.items.map(toBatchModel), total: page.total };
  }

  @Query(() => IngestBatchModel, {
    nullable: true,
    description: 'One import batch (a department user sees only the batches they started). An unknown id is an error with code NOT_FOUND.',
  })
  @Roles(...ACCESS.ingest)
  async ingestBatch(@Args() args: IngestBatchArgs, @CurrentUser() user: SignedInUser | null): Promise<IngestBatchModel> {
    const batch = await this.ingest.batches.summary(Number(args.id));
    if (!batch || (user?.role === 'department' && batch.createdByUserId !== user.id))
      throw new BatchError('BATCH_NOT_FOUND', `找不到导入批次 ${args.id}。No import batch ${args.id}.`);
    return toBatchModel(batch);
  }

  @Mutation(() => IngestBatchModel, {
    description:
      'Resumes an interrupted upload batch (its files wait in the database) in the background; poll `ingestBatch` for progress. Command-line batches are resumed with `pnpm ingest --resume ID`.',
  })
  @Roles(...ACCESS.edit)
  async resumeIngestBatch(@Args() args: IngestBatchArgs): Promise<IngestBatchModel> {
    const id = Number(args.id);
    await this.ingest.batches.claim(id, ['upload', 'seed']);
    void this.ingest.batches.run(id).then(
      (results) => {
        const s = summarise(results);
        this.logger.log(`Resumed import batch ${id}: ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`);
      },
      (err: unknown) => this.logger.error(`Resuming import batch ${id} failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    return toBatchModel((await this.ingest.batches.summary(id))!);
  }

  @ResolveField('items', () => [IngestItemModel], { description: 'The files of the batch, in order.' })
  async items(@Parent() batch: IngestBatchModel, @Args() args: PagingArgs): Promise<IngestItemModel[]> {
    const { take, skip } = paging(args);
    return (await this.ingest.batches.itemPage(Number(batch.id), take, skip)).map(toItemModel);
  }
}
