import { AgencyAliasEntity } from './agency-alias.entity.js';
import { AgencyEntity } from './agency.entity.js';
import { AgencyReportUrlEntity } from './agency-report-url.entity.js';
import { FetchedUrlEntity } from './fetched-url.entity.js';
import { ListingCheckEntity } from './listing-check.entity.js';
import { NarrativeFactEntity } from './narrative-fact.entity.js';
import { ReportCellEntity } from './report-cell.entity.js';
import { ReportFindingEntity } from './report-finding.entity.js';
import { ReportMetricEntity } from './report-metric.entity.js';
import { ReportEntity } from './report.entity.js';
import { SourceFileEntity } from './source-file.entity.js';

export {
  AgencyAliasEntity,
  AgencyEntity,
  AgencyReportUrlEntity,
  FetchedUrlEntity,
  ListingCheckEntity,
  NarrativeFactEntity,
  ReportCellEntity,
  ReportEntity,
  ReportFindingEntity,
  ReportMetricEntity,
  SourceFileEntity,
};
export type { AliasOrigin } from './agency-alias.entity.js';

export const ENTITIES = [
  AgencyEntity,
  AgencyAliasEntity,
  SourceFileEntity,
  ReportEntity,
  ReportCellEntity,
  ReportFindingEntity,
  NarrativeFactEntity,
  ReportMetricEntity,
  AgencyReportUrlEntity,
  FetchedUrlEntity,
  ListingCheckEntity,
];
