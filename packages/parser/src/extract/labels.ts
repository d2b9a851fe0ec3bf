/**
 * Finding printed labels in a text view, loosely, the way a clerk reads them: punctuation, brackets, quotes,
 * spaces and full/half width do not matter (the view has folded them), the numbering (一、（一）1.) may be
 * there or not, and long labels may carry a typo or two (其他法律行政止公开 for 其他法律行政法规禁止公开).
 * Short labels are matched exactly: one edit would turn 予公开 into 予以公开.
 */
import type { TextView } from '../text-view.js';

export interface LabelSpec {
  /** What the label identifies (a row key, a heading, a header word). */
  key: string;
  /** The label's characteristic text in view form (folded, no punctuation). */
  core: string;
  /** Other printed forms in view form, tried as exact matches. */
  variants?: readonly string[];
  /** Numbering in view form, e.g. "(一)", "1.", "一". */
  numbering?: string;
  /** Only a match preceded by its numbering counts. */
  numberingRequired?: boolean;
  /** View texts that, following the core, show it is another label (e.g. 其他 followed by 处理). */
  notFollowedBy?: readonly string[];
  /** View texts that, preceding the core, show it is another label (e.g. 规范性文件 preceded by 行政). */
  notPrecededBy?: readonly string[];
}

export interface LabelMatch {
  key: string;
  /** View span, numbering included when printed. */
  from: number;
  to: number;
  /** Where the core itself starts in the view. */
  coreFrom: number;
  numbered: boolean;
  /** Edit distance of a loose match; 0 for an exact one. */
  edits: number;
}

/** Every occurrence of every label in the view. A long label not found exactly is searched for loosely. */
export function findLabels(v: TextView, specs: readonly LabelSpec[]): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (const spec of specs) {
    const found: LabelMatch[] = [];
    for (const form of [spec.core, ...(spec.variants ?? [])]) {
      for (let i = v.view.indexOf(form); i >= 0; i = v.view.indexOf(form, i + 1)) {
        const m = qualify(v.view, spec, i, i + form.length, 0);
        if (m) found.push(m);
      }
    }
    if (!found.length && spec.core.length >= 6) {
      const maxEdits = Math.floor(spec.core.length / 4);
      for (const hit of approximateMatches(spec.core, v.view, maxEdits)) {
        // A label is words: a loose match that takes in a table's digits has swallowed the values printed
        // between the two parts of a wrapped label (申请人逾期未按收费通 6 0 0 0 0 0 6 知要求缴纳费用…).
        if (!/\d/.test(spec.core) && /\d/.test(v.view.slice(hit.start, hit.end))) continue;
        const m = qualify(v.view, spec, hit.start, hit.end, hit.edits);
        if (m) found.push(m);
      }
    }
    for (const m of dedupe(found)) out.push(m);
  }
  return out.sort((a, b) => a.from - b.from || b.to - a.to);
}

function qualify(view: string, spec: LabelSpec, start: number, end: number, edits: number): LabelMatch | null {
  if (spec.notFollowedBy?.some((s) => view.startsWith(s, end))) return null;
  if (spec.notPrecededBy?.some((s) => view.endsWith(s, start))) return null;
  let from = start;
  let numbered = false;
  if (spec.numbering && view.slice(start - spec.numbering.length, start) === spec.numbering) {
    from = start - spec.numbering.length;
    numbered = true;
  } else if (spec.numbering && spec.numbering.endsWith('.') && view.slice(start - spec.numbering.length + 1, start) === spec.numbering.slice(0, -1)) {
    // "1属于国家秘密": the dot lost in extraction, the number still there. Only when not glued to other digits.
    const before = view[start - spec.numbering.length];
    if (before === undefined || !/[0-9]/.test(before)) {
      from = start - spec.numbering.length + 1;
      numbered = true;
    }
  }
  if (spec.numberingRequired && !numbered) return null;
  return { key: spec.key, from, to: end, coreFrom: start, numbered, edits };
}

function dedupe(matches: LabelMatch[]): LabelMatch[] {
  matches.sort((a, b) => a.from - b.from || a.edits - b.edits || b.to - a.to);
  const out: LabelMatch[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.from < last.to) continue;
    out.push(m);
  }
  return out;
}

/**
 * Approximate substring search (Sellers): end positions where the pattern matches with at most k edits,
 * each reported once with its best start. O(pattern × text).
 */
export function approximateMatches(pattern: string, text: string, k: number): { start: number; end: number; edits: number }[] {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  const hits: { start: number; end: number; edits: number }[] = [];
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0;
    curStart[0] = j;
    const tc = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === tc ? 0 : 1);
      const del = prev[i]! + 1;
      const ins = cur[i - 1]! + 1;
      if (sub <= del && sub <= ins) {
        cur[i] = sub;
        curStart[i] = i === 1 ? j - 1 : prevStart[i - 1]!;
      } else if (del <= ins) {
        cur[i] = del;
        curStart[i] = prevStart[i]!;
      } else {
        cur[i] = ins;
        curStart[i] = curStart[i - 1]!;
      }
    }
    if (cur[m]! <= k) {
      const last = hits[hits.length - 1];
      const hit = { start: curStart[m]!, end: j, edits: cur[m]! };
      // Keep the best end position of an overlapping run of hits.
      if (last && hit.start < last.end) {
        if (hit.edits < last.edits) hits[hits.length - 1] = hit;
      } else hits.push(hit);
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return hits;
}
