import { createHash } from 'node:crypto';
import type { ParsedReport } from '@ogi/domain';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** JSON with object keys sorted at every level, so equal contents serialise equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The hash of what a report says: its metadata and its three tables. Two files with the same hash (the web
 * page and the text copy of one report) are the same report; a corrected figure or date gives a new hash.
 */
export function reportContentHash(report: ParsedReport): string {
  const { agency, year, template, publishedOn, scope, activeDisclosure, applications, reviewLitigation } = report;
  return sha256Hex(canonicalJson({ agency, year, template, publishedOn, scope, activeDisclosure, applications, reviewLitigation }));
}
