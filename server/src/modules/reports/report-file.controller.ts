import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { attachmentDisposition } from '../../common/http/attachment.js';
import { ReportsService } from './reports.service.js';

/**
 * The type each stored format is sent with. The bytes are sent exactly as they were imported; text formats name
 * no charset because the file may be GBK or UTF-16 (the parser detected it; the reader's program will too).
 */
const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

/**
 * `GET /api/reports/:id/file`: a report version's original file — the stored bytes, with the name it was imported
 * under — as a download. Always an attachment and `nosniff`, and sandboxed by its CSP even if a browser were to
 * show it, so a stored HTML page never runs in the dashboard's origin. A report outside the caller's scope is 404.
 */
@Controller('api/reports')
export class ReportFileController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/file')
  @Roles(...ACCESS.read)
  async download(@Param('id') id: string, @Scope() scope: AgencyScope, @Res() res: Response): Promise<void> {
    const file = await this.reports.sourceFile(id, scope);
    res.setHeader('Content-Type', CONTENT_TYPES[file.format] ?? 'application/octet-stream');
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName, `report-${id}`));
    res.setHeader('Content-Length', String(file.content.byteLength));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(file.content);
  }
}
