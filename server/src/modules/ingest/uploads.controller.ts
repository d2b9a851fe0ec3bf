import { Controller, HttpCode, Inject, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { PARSE_ERROR_MESSAGES } from '@ogi/domain';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles } from '../../common/access/access.decorators.js';
import { InputErrorCode, InputException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { toUploadResult, type UploadResult } from './dto/upload-result.js';
import { IngestService } from './ingest.service.js';
import type { StoredUpload } from './upload-storage.js';

/** Most files in one upload request. */
export const MAX_FILES_PER_UPLOAD = 100;

/**
 * `POST /api/uploads`, multipart field `files` (many). Answers one result per file, in the order sent:
 * `[{ fileName, status: 'stored' | 'duplicate' | 'failed', reportId?, error?: { code, message } }]`.
 */
@Controller('api/uploads')
export class UploadsController {
  constructor(
    private readonly ingest: IngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles(...ACCESS.ingest)
  @HttpCode(200)
  @UseInterceptors(FilesInterceptor('files', MAX_FILES_PER_UPLOAD))
  async upload(@UploadedFiles() files: (Express.Multer.File & StoredUpload)[] | undefined): Promise<UploadResult[]> {
    if (!files?.length) {
      throw new InputException(InputErrorCode.NO_FILES, '没有收到文件：请在表单字段 files 中上传一个或多个年报文件。No files received in the form field "files".');
    }
    const limitMb = Math.round(this.config.uploadMaxBytes / 1024 / 1024);
    // The parser pool bounds how many files parse at once; results keep the order the files were sent in.
    const results = await Promise.all(
      files.map(async (file): Promise<UploadResult> => {
        if (file.tooLarge) {
          return {
            fileName: file.originalname,
            status: 'failed',
            error: { code: 'FILE_TOO_LARGE', message: `${PARSE_ERROR_MESSAGES.FILE_TOO_LARGE.zh}（上限 ${limitMb} MB）` },
          };
        }
        return toUploadResult(await this.ingest.ingestBytes(file.buffer, file.originalname));
      }),
    );
    return results;
  }
}
