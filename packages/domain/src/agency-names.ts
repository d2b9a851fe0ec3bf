/**
 * Agency names as reports print them, and what they tell about the registry: which registered agency an
 * unknown printed name probably is (a shortened name, an OCR typo), and which government an agency belongs to.
 * Both only propose: a person confirms a match, and a parent is set only when that government is registered.
 */

/** Place-name suffixes, longest first so 自治县 wins over 县. */
const PLACE_SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '街道', '省', '市', '州', '盟', '区', '县', '旗', '镇', '乡'];

const GOVERNMENT_SUFFIX = '人民政府';

/** Whitespace (OCR, line breaks, ideographic spaces) never means anything in a name. */
export function normaliseAgencyName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

/**
 * The place segments a name starts with: 淮安市洪泽区交通运输局 → ['淮安市', '洪泽区']. A segment is at least two
 * characters ending in a place suffix; reading stops at the first stretch that is not one.
 */
export function placeSegments(name: string): string[] {
  const n = normaliseAgencyName(name);
  const out: string[] = [];
  let pos = 0;
  while (pos < n.length) {
    let end = -1;
    // The shortest segment from `pos` (at least 2 characters) that ends in a place suffix.
    for (let i = pos + 1; i < n.length && end < 0; i++) {
      for (const suffix of PLACE_SUFFIXES) {
        const start = i - suffix.length + 1;
        if (start > pos && n.startsWith(suffix, start)) {
          end = i + 1;
          break;
        }
      }
    }
    if (end < 0) break;
    out.push(n.slice(pos, end));
    pos = end;
  }
  return out;
}

/**
 * Names of the government an agency probably belongs to, most specific first. A department belongs to the
 * government of the place its name starts with (淮安市洪泽区交通运输局 → 淮安市洪泽区人民政府, then 淮安市人民政府);
 * a government to the one of the enclosing place (淮安市洪泽区人民政府 → 淮安市人民政府). The caller takes the
 * first name that is registered as a government.
 */
export function parentGovernmentCandidates(name: string, kind: string): string[] {
  const n = normaliseAgencyName(name);
  const isGovernment = kind === 'government';
  const own = isGovernment && n.endsWith(GOVERNMENT_SUFFIX) ? n.slice(0, -GOVERNMENT_SUFFIX.length) : n;
  const segments = placeSegments(own);
  // A government's own place is all of its segments; its parent is one level up.
  const usable = isGovernment && segments.join('') === own ? segments.length - 1 : segments.length;
  const out: string[] = [];
  for (let k = usable; k >= 1; k--) {
    const region = segments.slice(0, k).join('');
    out.push(`${region}${GOVERNMENT_SUFFIX}`);
    // A short print may name only the last place (洪泽区人民政府 for 淮安市洪泽区人民政府); aliases resolve it.
    if (k > 1) out.push(`${segments[k - 1]}${GOVERNMENT_SUFFIX}`);
    // Further up only when nothing more specific is registered (the caller takes the first that is).
  }
  return [...new Set(out)].filter((candidate) => candidate !== n);
}

export interface AgencyNameCandidate {
  id: number;
  /** The canonical name and the aliases of a registered agency. */
  names: readonly string[];
}

export const AGENCY_MATCH_REASONS = ['shortened', 'typo'] as const;
export type AgencyMatchReason = (typeof AGENCY_MATCH_REASONS)[number];

export interface AgencyMatch {
  id: number;
  name: string;
  reason: AgencyMatchReason;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The registered agency a printed name probably means, when exactly one fits:
 * - `shortened`: one name is the other with leading place names added (洪泽区人民政府 ↔ 淮安市洪泽区人民政府);
 * - `typo`: the names differ by one character (沐阳县… ↔ 沭阳县…), for names of six characters or more.
 * Nothing is proposed when several agencies fit equally: a wrong merge is worse than a new agency.
 */
export function proposeAgencyMatch(printedName: string, candidates: readonly AgencyNameCandidate[]): AgencyMatch | null {
  const printed = normaliseAgencyName(printedName);
  if (printed.length < 4) return null;
  const fits = (reason: AgencyMatchReason) => {
    const found = new Map<number, string>();
    for (const c of candidates) {
      for (const raw of c.names) {
        const name = normaliseAgencyName(raw);
        if (name === printed) continue;
        if (reason === 'shortened' ? isShortenedForm(printed, name) : printed.length >= 6 && editDistance(printed, name, 1) === 1) {
          if (!found.has(c.id)) found.set(c.id, c.names[0]!);
        }
      }
    }
    return found;
  };
  for (const reason of AGENCY_MATCH_REASONS) {
    const found = fits(reason);
    const [only] = [...found];
    if (found.size === 1 && only) return { id: only[0], name: only[1], reason };
    if (found.size > 1) return null;
  }
  return null;
}

/** One name is the other with place names in front: the extra prefix is made of place segments only. */
function isShortenedForm(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || short.length === long.length || !long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  return placeSegments(prefix).join('') === prefix;
}
