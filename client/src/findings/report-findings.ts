/** How findings attach to table cells: by cell path (`applications.newReceived[0]`). */
import { SEVERITIES } from '@ogi/domain';
import { type FindingResult, type Severity } from '../graphql/api';

export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;
const rank = (s: string) => {
  const i = SEVERITY_ORDER.indexOf(s as Severity);
  return i < 0 ? SEVERITY_ORDER.length : i;
};

export type FindingsByCell = ReadonlyMap<string, readonly FindingResult[]>;

export function findingsByCell(findings: readonly FindingResult[]): FindingsByCell {
  const map = new Map<string, FindingResult[]>();
  for (const f of findings) {
    for (const path of f.cells) {
      const list = map.get(path);
      if (list) list.push(f);
      else map.set(path, [f]);
    }
  }
  for (const list of map.values()) list.sort((a, b) => rank(a.severity) - rank(b.severity));
  return map;
}

/** The most severe of some findings, or null when there are none. */
export function worstSeverity(findings: readonly FindingResult[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || rank(f.severity) < rank(worst)) worst = f.severity;
  return worst;
}

/** Findings ordered for reading: errors first, then by rule. */
export function sortFindings(findings: readonly FindingResult[]): FindingResult[] {
  return [...findings].sort((a, b) => rank(a.severity) - rank(b.severity) || a.rule.localeCompare(b.rule));
}

export function countBySeverity(findings: readonly { severity: string }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in counts) counts[f.severity as Severity]++;
  return counts;
}

/** The DOM id of a table cell, so a finding can point at it. */
export function cellDomId(path: string): string {
  return `cell-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
