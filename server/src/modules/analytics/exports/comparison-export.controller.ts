import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ACCESS } from '../../../common/access/access-policy.js';
import { Roles, Scope } from '../../../common/access/access.decorators.js';
import type { AgencyScope } from '../../../common/access/agency-scope.js';
import { AnalyticsService } from '../analytics.service.js';
import type { ComparisonModel } from '../models/comparison.model.js';
import { toMetricDefinitionModel } from '../models/metric-definition.model.js';
import { metricDefinitions } from '../analytics.service.js';
import { attachmentName, comparisonCsv, comparisonXlsx, definitionsAttachmentName, definitionsCsv } from './comparison-export.js';
import { ComparisonExportQuery, MetricDefinitionsExportQuery, selectionOf } from './comparison-export.query.js';

/**
 * Downloads of a comparison (the `compare` query's arguments as URL parameters): values and metric definitions.
 * Errors are JSON `{ error: { code, message } }` with a 4xx status, like every REST route.
 */
@Controller('api/exports')
export class ComparisonExportController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('comparison.csv')
  @Roles(...ACCESS.analyse)
  @Header('Cache-Control', 'no-store')
  async csv(@Query() query: ComparisonExportQuery, @Scope() scope: AgencyScope): Promise<StreamableFile> {
    const comparison = await this.compare(query, scope);
    const lang = query.lang ?? 'zh';
    return new StreamableFile(comparisonCsv(comparison, lang), {
      type: 'text/csv; charset=utf-8',
      disposition: attachmentName(comparison, lang, 'csv'),
    });
  }

  /** The definitions of the metrics a comparison CSV holds (the CSV itself is data only). */
  @Get('metric-definitions.csv')
  @Roles(...ACCESS.analyse)
  @Header('Cache-Control', 'no-store')
  definitions(@Query() query: MetricDefinitionsExportQuery): StreamableFile {
    const lang = query.lang ?? 'zh';
    const metrics = metricDefinitions(query.metrics).map(toMetricDefinitionModel);
    return new StreamableFile(definitionsCsv(metrics, lang), { type: 'text/csv; charset=utf-8', disposition: definitionsAttachmentName(lang) });
  }

  @Get('comparison.xlsx')
  @Roles(...ACCESS.analyse)
  @Header('Cache-Control', 'no-store')
  async xlsx(@Query() query: ComparisonExportQuery, @Scope() scope: AgencyScope): Promise<StreamableFile> {
    const comparison = await this.compare(query, scope);
    const lang = query.lang ?? 'zh';
    return new StreamableFile(await comparisonXlsx(comparison, lang), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: attachmentName(comparison, lang, 'xlsx'),
    });
  }

  private compare(q: ComparisonExportQuery, scope: AgencyScope): Promise<ComparisonModel> {
    return this.analytics.compare(selectionOf(q), q.years, q.metrics, scope);
  }
}
