import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { DOCX_MIME, briefingDocx, briefingTitle, noticeDocx, noticeTitle } from './briefing-docx.js';
import { BriefingService } from './briefing.service.js';
import { BriefingDownloadQuery, selectionOf } from './dto/briefing-download.query.js';

const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The briefing and the notice as DOCX downloads. GET only (nothing changes, so no CSRF token is needed); errors are
 * JSON `{ error: { code, message } }` with a 4xx status like every REST route. A department user's download covers
 * its own agency only (the request's scope).
 */
@Controller('api')
export class BriefingController {
  constructor(private readonly briefing: BriefingService) {}

  @Get('briefing.docx')
  @Roles(...ACCESS.read)
  @Header('Cache-Control', 'no-store')
  async briefingFile(@Query() query: BriefingDownloadQuery, @Scope() scope: AgencyScope): Promise<StreamableFile> {
    const b = await this.briefing.build(query.year, selectionOf(query), scope);
    return new StreamableFile(await briefingDocx(b), { type: DOCX_MIME, disposition: attachment(`briefing-${b.year}.docx`, `${briefingTitle(b)}.docx`) });
  }

  @Get('notice.docx')
  @Roles(...ACCESS.read)
  @Header('Cache-Control', 'no-store')
  async noticeFile(@Query() query: BriefingDownloadQuery, @Scope() scope: AgencyScope): Promise<StreamableFile> {
    const n = await this.briefing.notice(query.year, selectionOf(query), scope);
    const file = await noticeDocx({ ...n, generatedAt: new Date().toISOString() });
    return new StreamableFile(file, { type: DOCX_MIME, disposition: attachment(`notice-${n.year}.docx`, `${noticeTitle(n.year, n.scopeNameZh)}.docx`) });
  }
}
