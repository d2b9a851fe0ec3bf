/**
 * A small, hand-built province for the analytics tests: a city government with two departments and a district
 * government with two departments of its own, over 2022 and 2023. Numbers are chosen so that every rate, rank,
 * roll-up and share the tests expect can be worked out by hand from the table below.
 *
 *   甲市人民政府 (government, city)                      2022 self      2023 self
 *   ├─ 甲市乙区人民政府 (government, county)             2022 self      2023 REGION AGGREGATE (own 20 + 30 + 50)
 *   │   ├─ 甲市乙区教育局 (department)                   2022 self      2023 self
 *   │   └─ 甲市乙区卫生健康委员会 (department)           2022 self      2023 self
 *   ├─ 甲市公安局 (department)                           2022 MISSING   2023 self, no printed date, a table that does not add up
 *   └─ 甲市教育局 (department)                           2022 self      2023 self, published 5 days late
 *
 * Each report: 新收 N (总计列), no carry-over in or out; outcomes 予以公开 g, 部分公开 p, 不予公开 (第三方合法权益) w,
 * 无法提供 (本机关不掌握) u, everything else 0; applicants: `legal` from 商业企业, the rest 自然人.
 */
import { APPLICATION_ROWS, REVIEW_GROUPS, checkReport, type ParsedReport, type ParsedReportCore, type ReportScope } from '@ogi/domain';
import { seedAgencyRegistry, type RegistryAgency } from '@ogi/write-model/agencies';
import { ReportIngestor, type IngestResult } from '@ogi/write-model/ingest';
import type { DataSource } from 'typeorm';

export const CITY = '甲市人民政府';
export const CITY_EDU = '甲市教育局';
export const CITY_POLICE = '甲市公安局';
export const DISTRICT = '甲市乙区人民政府';
export const DISTRICT_EDU = '甲市乙区教育局';
export const DISTRICT_HEALTH = '甲市乙区卫生健康委员会';

export const REGISTRY: RegistryAgency[] = [
  { name: CITY, kind: 'government', level: 'city' },
  { name: CITY_EDU, kind: 'department', level: 'city', parent: CITY },
  { name: CITY_POLICE, kind: 'department', level: 'city', parent: CITY },
  { name: DISTRICT, kind: 'government', level: 'county', parent: CITY, aliases: ['乙区人民政府'] },
  { name: DISTRICT_EDU, kind: 'department', level: 'county', parent: DISTRICT },
  { name: DISTRICT_HEALTH, kind: 'department', level: 'county', parent: DISTRICT },
];

export interface FixtureReport {
  agency: string;
  year: number;
  scope?: ReportScope;
  publishedOn: string | null;
  /** 新收 (总计列). */
  n: number;
  g: number;
  p: number;
  w: number;
  u: number;
  /** Applications from 商业企业 (the rest are 自然人). */
  legal: number;
  /** 行政复议 [维持, 纠正, 其他, 尚未审结, 总计]. */
  review?: number[];
  /** 未经复议直接起诉 [维持, 纠正, 其他, 尚未审结, 总计]. */
  litigationDirect?: number[];
  /** Printed 予以公开 总计 when it differs from g (a table that does not add up). */
  grantedTotalPrinted?: number;
  /** Words in the report text besides its title. */
  text?: string;
}

export const REPORTS: FixtureReport[] = [
  // 2022
  { agency: CITY, year: 2022, publishedOn: '2023-03-01', n: 80, g: 40, p: 10, w: 10, u: 20, legal: 10 },
  { agency: CITY_EDU, year: 2022, publishedOn: '2023-01-20', n: 20, g: 10, p: 0, w: 5, u: 5, legal: 2 },
  { agency: DISTRICT, year: 2022, publishedOn: '2023-03-15', n: 20, g: 10, p: 0, w: 5, u: 5, legal: 2 },
  { agency: DISTRICT_EDU, year: 2022, publishedOn: '2023-02-10', n: 10, g: 5, p: 5, w: 0, u: 0, legal: 1 },
  { agency: DISTRICT_HEALTH, year: 2022, publishedOn: '2023-01-01', n: 2, g: 2, p: 0, w: 0, u: 0, legal: 0 },
  // 2023
  {
    agency: CITY,
    year: 2023,
    publishedOn: '2024-03-20',
    n: 100,
    g: 60,
    p: 10,
    w: 10,
    u: 20,
    legal: 20,
    review: [2, 1, 0, 1, 4],
    litigationDirect: [1, 0, 0, 0, 1],
    text: '全市依托 GovInfo Platform 受理申请。',
  },
  { agency: CITY_EDU, year: 2023, publishedOn: '2024-02-05', n: 40, g: 30, p: 0, w: 4, u: 6, legal: 4, review: [0, 1, 0, 0, 1] },
  { agency: CITY_POLICE, year: 2023, publishedOn: null, n: 10, g: 5, p: 0, w: 5, u: 0, legal: 0, grantedTotalPrinted: 6 },
  // The district's own 20 (g 10, w 5, u 5, legal 2) plus its two departments below.
  { agency: DISTRICT, year: 2023, scope: 'region_aggregate', publishedOn: '2024-03-31', n: 100, g: 50, p: 10, w: 15, u: 25, legal: 15 },
  { agency: DISTRICT_EDU, year: 2023, publishedOn: '2024-01-10', n: 30, g: 15, p: 5, w: 0, u: 10, legal: 3, text: '推进依申请公开工作规范化建设。' },
  { agency: DISTRICT_HEALTH, year: 2023, publishedOn: '2024-01-31', n: 50, g: 25, p: 5, w: 10, u: 10, legal: 10 },
];

/** The report's title line and text: the parser's normalised text stands in for a document. */
export function reportText(r: FixtureReport): string {
  return `${r.agency}${r.year}年政府信息公开工作年度报告\n一、总体情况\n${r.text ?? '本机关认真贯彻落实条例。'}\n`;
}

/** The fixture row as the parser would have read it, with the findings the shared rules give. */
export function parsedReport(r: FixtureReport): ParsedReport {
  const row = (natural: number, legal: number) => [natural, legal, 0, 0, 0, 0, natural + legal];
  const zero = row(0, 0);
  const applications: Record<string, (number | null)[]> = {};
  for (const layout of APPLICATION_ROWS) {
    if (!layout.templates.includes('2021') || layout.key === 'otherHandling') continue;
    applications[layout.key] = [...zero];
  }
  // Applicants are split the same way in every outcome row that has applications: legal persons first.
  let legalLeft = r.legal;
  const split = (count: number) => {
    const legal = Math.min(legalLeft, count);
    legalLeft -= legal;
    return row(count - legal, legal);
  };
  applications['newReceived'] = row(r.n - r.legal, r.legal);
  applications['granted'] = split(r.g);
  applications['partiallyGranted'] = split(r.p);
  applications['withheld.thirdPartyRights'] = split(r.w);
  applications['unableToProvide.notHeld'] = split(r.u);
  applications['total'] = row(r.n - r.legal, r.legal);
  if (r.grantedTotalPrinted !== undefined) applications['granted']![6] = r.grantedTotalPrinted;

  const reviewLitigation: Record<string, (number | null)[]> = {};
  for (const g of REVIEW_GROUPS) reviewLitigation[g.key] = [0, 0, 0, 0, 0];
  if (r.review) reviewLitigation['review'] = [...r.review];
  if (r.litigationDirect) reviewLitigation['litigationDirect'] = [...r.litigationDirect];

  const core: ParsedReportCore = {
    schemaVersion: 1,
    agency: r.agency,
    year: r.year,
    template: '2021',
    publishedOn: r.publishedOn,
    activeDisclosure: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 1, repealed: 0, inForce: 5 },
      licensing: { decisions: 10 },
      penalty: { decisions: 2 },
      coercion: { decisions: 0 },
      fees: { amountWan: 0 },
    },
    applications,
    reviewLitigation,
  };
  return {
    ...core,
    scope: r.scope ?? 'self',
    format: 'text',
    encoding: 'utf-8',
    text: reportText(r),
    cells: [],
    narrative: [],
    findings: checkReport(core),
    notes: [],
    parserVersion: 'analytics-fixture',
  };
}

/** An ingestor for reports already parsed (the store half of the one ingest path). */
export function storeOnlyIngestor(dataSource: DataSource): ReportIngestor {
  return new ReportIngestor(dataSource, { parse: () => Promise.reject(new Error('the analytics fixture stores parsed reports directly')) });
}

let fileNo = 0;
export async function storeReport(ingestor: ReportIngestor, r: FixtureReport): Promise<IngestResult> {
  fileNo += 1;
  const result = await ingestor.store(parsedReport(r), Buffer.from(`${r.agency} ${r.year} fixture file ${fileNo}`), `${r.agency}-${r.year}-${fileNo}.txt`);
  if (result.status !== 'stored') throw new Error(`fixture report ${r.agency} ${r.year} was not stored: ${JSON.stringify(result)}`);
  return result;
}

/** Loads the registry and every fixture report; returns the agency ids by name. */
export async function loadFixture(dataSource: DataSource): Promise<Record<string, string>> {
  await seedAgencyRegistry(dataSource, REGISTRY);
  const ingestor = storeOnlyIngestor(dataSource);
  for (const r of REPORTS) await storeReport(ingestor, r);
  const rows = await dataSource.query<{ id: number; name: string }[]>('SELECT id, name FROM agency');
  return Object.fromEntries(rows.map((a) => [a.name, String(a.id)]));
}
