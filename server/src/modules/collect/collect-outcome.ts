import type { FetchedUrlKind, FetchedUrlStatus } from '@ogi/domain';

/** The report an address gave, stored now or already present. */
export interface CollectedReport {
  reportId: number;
  agencyId: number;
  agencyName: string;
  year: number;
  version: number;
}

/**
 * What came of one address. A listing page gives one outcome for itself (status `listing`) followed by one per
 * annual-report link it holds; a report page whose report is an attached file gives one outcome, with the
 * attachment's file name and address.
 */
export interface CollectOutcome {
  url: string;
  kind: FetchedUrlKind;
  status: FetchedUrlStatus;
  report: CollectedReport | null;
  fileName: string | null;
  error: { code: string; message: string } | null;
  /** The listing page that linked to it. */
  foundOn: string | null;
  linkText: string | null;
  /** The year its link's title names. */
  linkYear: number | null;
  attachmentUrl: string | null;
  /** For a listing: how many annual-report links it holds. */
  reportLinks: number | null;
}

export interface CollectSummary {
  stored: number;
  duplicate: number;
  failed: number;
  listing: number;
}

export function summariseCollect(outcomes: readonly CollectOutcome[]): CollectSummary {
  const s: CollectSummary = { stored: 0, duplicate: 0, failed: 0, listing: 0 };
  for (const o of outcomes) s[o.status]++;
  return s;
}

/** One line per address, as a clerk reads it (the same wording as `pnpm ingest` for files). */
export function describeOutcome(o: CollectOutcome): string {
  const via = o.attachmentUrl ? ` (附件 ${o.fileName})` : '';
  switch (o.status) {
    case 'stored':
      return `stored          ${o.url}${via} → ${o.report!.agencyName} ${o.report!.year}${o.report!.version > 1 ? ` (version ${o.report!.version})` : ''}`;
    case 'duplicate':
      return `already present ${o.url}${via} → ${o.report!.agencyName} ${o.report!.year} (version ${o.report!.version})`;
    case 'listing':
      return `listing         ${o.url}: ${o.reportLinks} annual report link(s)`;
    case 'failed':
      return `failed          ${o.url}: ${o.error!.code} ${o.error!.message}`;
  }
}
