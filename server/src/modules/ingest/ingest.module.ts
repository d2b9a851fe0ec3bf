import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { IngestResolver } from './ingest.resolver.js';
import { IngestService } from './ingest.service.js';
import { MAX_FILES_PER_UPLOAD, UploadsController } from './uploads.controller.js';
import { SizeLimitedMemoryStorage } from './upload-storage.js';
import { PartHeaderSanitiser, multipartBoundary } from './part-header-sanitiser.js';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: new SizeLimitedMemoryStorage(config.uploadMaxBytes, config.uploadMaxTotalBytes),
        // Chinese file names arrive as UTF-8.
        defParamCharset: 'utf8',
        limits: { files: MAX_FILES_PER_UPLOAD, fields: 20, parts: MAX_FILES_PER_UPLOAD + 20 },
        // A control character in one part's header (a file name) must not fail every file of the upload.
        streamHandler: (
          req: NodeJS.ReadableStream & { headers: Record<string, string | string[] | undefined> },
          busboy: NodeJS.WritableStream & NodeJS.EventEmitter,
        ) => {
          const boundary = multipartBoundary(String(req.headers['content-type'] ?? ''));
          if (!boundary) return void req.pipe(busboy);
          const sanitiser = new PartHeaderSanitiser(boundary);
          // When busboy stops early (a limit, an error), multer drains the request: let it flow past the sanitiser.
          busboy.once('close', () => req.unpipe(sanitiser));
          req.pipe(sanitiser).pipe(busboy);
        },
      }),
    }),
  ],
  controllers: [UploadsController],
  providers: [IngestService, IngestResolver],
  exports: [IngestService],
})
export class IngestModule {}
