import type { IngestResult } from './report-ingestor.js';

export interface IngestSummary {
  stored: number;
  duplicate: number;
  failed: number;
}

export function summarise(results: readonly IngestResult[]): IngestSummary {
  const s: IngestSummary = { stored: 0, duplicate: 0, failed: 0 };
  for (const r of results) s[r.status]++;
  return s;
}

/** One line per file, as a clerk reads it. */
export function describeResult(r: IngestResult): string {
  switch (r.status) {
    case 'stored':
      return `stored          ${r.fileName} → ${r.agencyName} ${r.year}${r.version > 1 ? ` (version ${r.version})` : ''}`;
    case 'duplicate':
      return `already present ${r.fileName} → ${r.agencyName} ${r.year} (version ${r.version}${r.reason === 'sameContent' ? ', same contents' : ''})`;
    case 'failed':
      return `failed          ${r.fileName}: ${r.error.code} ${r.error.message}`;
  }
}
