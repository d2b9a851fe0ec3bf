import { Controller, HttpCode, Inject, Post, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { isDatabaseUnavailable, type Actor } from '@ogi/database';
import type { BatchFile } from '@ogi/write-model/batches';
import { INGEST_ERROR_MESSAGES, MAX_FILES_PER_UPLOAD, PARSE_ERROR_MESSAGES, UPLOAD_EXTENSIONS, cleanUploadFileName, isUploadableFileName } from '@ogi/domain';
import type { Response } from 'express';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles } from '../../common/access/access.decorators.js';
import { RateLimit } from '../../common/access/rate-limit.guard.js';
import { RequestActor } from '../../common/access/actor.js';
import { InputErrorCode, InputException } from '../../common/errors/input.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { toUploadResult, type UploadResult } from './dto/upload-result.js';
import { IngestService } from './ingest.service.js';
import type { StoredUpload } from './upload-storage.js';

/** Most files in one upload request (shared with the dashboard, which splits larger drops). */
export { MAX_FILES_PER_UPLOAD };

/** The response header naming the import batch an upload was recorded as (GraphQL `ingestBatch(id)`). */
export const BATCH_HEADER = 'x-ingest-batch';

/**
 * `POST /api/uploads`, multipart field `files` (many). Answers one result per file, in the order sent:
 * `[{ fileName, status: 'stored' | 'duplicate' | 'failed', reportId?, error?: { code, message } }]`, and names the
 * import batch the upload was recorded as in the `X-Ingest-Batch` header. When the database cannot be reached
 * before the upload is recorded, every file is answered `failed` with code DATABASE_UNAVAILABLE and nothing was
 * kept; once it is recorded, a file the database went away under is answered DATABASE_UNAVAILABLE saying it is
 * kept and will be imported when the database is back (IngestService.ingestUploads).
 */
@Controller('api/uploads')
export class UploadsController {
  constructor(
    private readonly ingest: IngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles(...ACCESS.ingest)
  @RateLimit('upload')
  @HttpCode(200)
  @UseInterceptors(FilesInterceptor('files', MAX_FILES_PER_UPLOAD))
  async upload(
    @UploadedFiles() files: (Express.Multer.File & StoredUpload)[] | undefined,
    @RequestActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadResult[]> {
    if (!files?.length) {
      const { zh, en } = INGEST_ERROR_MESSAGES.NO_FILES;
      throw new InputException(InputErrorCode.NO_FILES, `${zh} ${en}`);
    }
    const limitMb = Math.round(this.config.uploadMaxBytes / 1024 / 1024);
    const totalMb = Math.round(this.config.uploadMaxTotalBytes / 1024 / 1024);
    // Names are stored and shown: the last path segment, no control characters, bounded length.
    const named = files.map((file) => ({ file, fileName: cleanUploadFileName(file.originalname) }));
    const batchFiles: BatchFile[] = named.map(({ file, fileName }) =>
      file.tooLarge
        ? { fileName, refused: { code: 'FILE_TOO_LARGE', message: `${PARSE_ERROR_MESSAGES.FILE_TOO_LARGE.zh}（上限 ${limitMb} MB）` } }
        : file.overTotal
          ? {
              fileName,
              refused: {
                code: 'FILE_TOO_LARGE',
                message: `本次上传的文件总量超过 ${totalMb} MB，该文件未接收，请分批上传。The upload exceeds ${totalMb} MB in all; send this file again separately.`,
              },
            }
          : !isUploadableFileName(fileName)
            ? {
                fileName,
                refused: { code: 'UNSUPPORTED_FORMAT', message: `${PARSE_ERROR_MESSAGES.UNSUPPORTED_FORMAT.zh}（可上传：${UPLOAD_EXTENSIONS.join('、')}）` },
              }
            : { fileName, bytes: file.buffer },
    );
    try {
      // The parser pool bounds how many files parse at once; results keep the order the files were sent in.
      const { batchId, results } = await this.ingest.ingestUploads(batchFiles, actor);
      res.setHeader(BATCH_HEADER, String(batchId));
      return results.map(toUploadResult);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      return named.map(({ fileName }) => ({
        fileName,
        status: 'failed',
        error: { code: 'DATABASE_UNAVAILABLE', message: INGEST_ERROR_MESSAGES.DATABASE_UNAVAILABLE.zh },
      }));
    }
  }
}
