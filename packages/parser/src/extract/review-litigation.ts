/**
 * Section 四: fifteen counts of review and litigation cases, in three groups of five (维持, 纠正, 其他, 尚未审结,
 * 总计). The header is broken in many reports, so the values are read by position after the header, never by
 * header text. A table printed as three small tables is mapped by each one's heading. Glued digits are split,
 * and runs of equal cells printed once (a collapsed table, see collapsed-runs.ts) are expanded, so that each
 * group's total is the sum of its four cells.
 */
import { REVIEW_COLUMNS, REVIEW_GROUPS, cellPath, type NarrativeFact } from '@ogi/domain';
import type { DocumentModel } from '../document.js';
import { regionView } from '../text-view.js';
import { findLabels, type LabelSpec } from './labels.js';
import { tokenize, valueRows, type ValueRow } from './tokens.js';
import { blankCell, cellFromPiece, gluedDigits, piecesOf, type CellRead, type Piece, type UncertainRun } from './cell-read.js';
import { centreOf, completeFromValues, geometryFromHeader, placements } from './column-geometry.js';
import { splits } from './glued-digits.js';
import { expansions, groupsSum, plainNumbers } from './collapsed-runs.js';

const GROUP = 5;
const ALL = GROUP * 3;

const HEADER_WORDS: readonly LabelSpec[] = [
  { key: 'group.review', core: '行政复议' },
  { key: 'group.litigation', core: '行政诉讼' },
  { key: 'group.direct', core: '未经复议直接起诉' },
  { key: 'group.afterReview', core: '复议后起诉' },
  { key: 'col.upheld', core: '维持' },
  { key: 'col.corrected', core: '纠正' },
  { key: 'col.other', core: '其他结果' },
  { key: 'col.pending', core: '尚未审结' },
  { key: 'col.pending2', core: '审结' },
  { key: 'col.total', core: '总计' },
];

export interface ReviewRead {
  groups: Map<string, CellRead[]>;
  found: boolean;
  notes: string[];
  uncertain: UncertainRun[];
}

export function readReviewLitigation(
  doc: DocumentModel,
  start: number,
  end: number,
  narrative: readonly NarrativeFact[] = [],
  layout: { collapsed: boolean } = { collapsed: false },
): ReviewRead {
  const view = regionView(doc, start, end);
  const matches = findLabels(view, HEADER_WORDS);
  const tokens = tokenize(doc, view, matches, start, end);
  const notes: string[] = [];
  const uncertain: UncertainRun[] = [];
  // Only value rows printed after a column heading are table values; a number in a sentence before the
  // table ("行政复议2件") is narrative. The litigation sub-headings (未经复议直接起诉, 复议后起诉) are table headings
  // too: a printed page may break the column words (维/持) over lines so that only they are found.
  const rows = valueRows(tokens).filter((r) => r.precedingLabels.some((l) => isTableHeading(l.key)) || isAfterColumnHeader(r, tokens));
  const groups = new Map<string, CellRead[]>();
  if (!rows.length) return { groups, found: false, notes, uncertain };

  const rowPieces = rows.map(piecesOf);
  const flat = rowPieces.flat();
  const nonBlank = flat.filter((p) => p.raw !== '');

  // Three small tables, one per group, each under its own heading.
  if (rows.length === 3 && rowPieces.every((p) => nonEmpty(p).length === GROUP)) {
    const order = rows.map(groupOf);
    if (new Set(order).size === 3 && order.every(Boolean)) {
      rows.forEach((_, i) =>
        groups.set(
          order[i]!,
          nonEmpty(rowPieces[i]!).map((p) => cellFromPiece(p)),
        ),
      );
      return { groups, found: true, notes, uncertain };
    }
  }
  let cells: CellRead[] | null = null;
  const taken = nonBlank.length >= ALL ? nonBlank.slice(0, ALL) : null;
  const byPosition = nonBlank.length < ALL && flat.length < ALL ? placeByPosition(doc, start, rows[0]!.start, nonBlank, notes, uncertain) : null;
  if (byPosition) {
    cells = byPosition;
  } else if (taken && !taken.some((p) => !/^[+\-−]?\d+$|^[—–\-/／无]$/.test(p.raw))) {
    cells = taken.map((p) => cellFromPiece(p));
    if (nonBlank.length > ALL) notes.push(`第四部分表格后还有 ${nonBlank.length - ALL} 个数字未读取`);
  } else if (flat.length === ALL) {
    cells = flat.map((p) => cellFromPiece(p));
  } else if (cellsOfWordRow(rowPieces[rowPieces.length - 1]!, nonBlank)) {
    cells = cellsOfWordRow(rowPieces[rowPieces.length - 1]!, nonBlank)!.map((p) => cellFromPiece(p));
  } else if (layout.collapsed && plainNumbers(nonBlank) && expansions(plainNumbers(nonBlank)!, ALL).length) {
    cells = expandCollapsed(nonBlank, narrative, notes, uncertain);
  } else {
    cells = splitGlued(nonBlank, narrative, notes, uncertain);
  }
  if (!cells) return { groups, found: false, notes, uncertain };
  REVIEW_GROUPS.forEach((g, i) => groups.set(g.key, cells!.slice(i * GROUP, (i + 1) * GROUP)));
  return { groups, found: true, notes, uncertain };
}

const nonEmpty = (pieces: Piece[]) => pieces.filter((p) => p.raw !== '');

/**
 * A Word 97 file prints every cell, a blank one as an empty cell, and every table row ends with one more empty
 * cell: the row under the headings comes as the header row's end, the fifteen cells, and its own end. The fifteen,
 * when they hold every value printed.
 */
function cellsOfWordRow(last: Piece[], nonBlank: readonly Piece[]): Piece[] | null {
  if (last.length !== ALL + 2 || last[0]!.raw !== '' || last[ALL + 1]!.raw !== '') return null;
  const row = last.slice(1, ALL + 1);
  return nonEmpty(row).length === nonBlank.length ? row : null;
}

/**
 * A PDF row printing fewer than fifteen values: its blank cells printed nothing, so each value goes under the
 * heading it is printed beneath (the fifteen headings, each group's five in order). Placements a group's total
 * refutes are dropped; where several remain, the one nearest the headings is read and the others offered. Null
 * when the page gives no positions or the headings are not all found.
 */
function placeByPosition(doc: DocumentModel, from: number, before: number, pieces: Piece[], notes: string[], uncertain: UncertainRun[]): CellRead[] | null {
  if (!pieces.length || doc.format !== 'pdf') return null;
  const header = geometryFromHeader(doc, from, before, ALL, (text, found) => {
    // A piece of one heading only (结果 is in three): 维持, 纠正, 其他, 尚未 or 审结, 总计 or 总 — a heading broken over lines.
    const owners = REVIEW_COLUMNS.map((c, w) => (c.label.includes(text) ? w : -1)).filter((w) => w >= 0);
    if (!text || owners.length !== 1) return null;
    const w = owners[0]!;
    // The same heading is printed once per group: the first not yet found, left group first.
    for (let g = 0; g < 3; g++) if (found[g * GROUP + w] === null) return g * GROUP + w;
    return null;
  });
  const xs = pieces.map((p) => centreOf(doc, p));
  if (xs.some((x) => x === null)) return null;
  const geometry = completeFromValues(header, xs as number[]);
  if (!geometry) return null;
  const found = placements(geometry, xs as number[]);
  if (!found) return null;
  const readings = found.map((pl) => {
    const placed: (Piece | undefined)[] = new Array<Piece | undefined>(ALL).fill(undefined);
    pl.columns.forEach((c, i) => (placed[c] = pieces[i]));
    return placed;
  });
  const valuesOf = (placed: (Piece | undefined)[]) => placed.map((p) => (p ? cellFromPiece(p).value : null));
  const adding = readings.filter((placed) => groupsAddUp(valuesOf(placed)));
  const kept = adding.length ? adding : readings.slice(0, 1);
  const best = kept[0]!;
  const rivals = kept.slice(1).map(valuesOf);
  const raw = pieces.map((p) => p.raw).join(' ');
  notes.push(`第四部分表格只印出 ${pieces.length} 个数字，按位置对应到表头的列`);
  if (rivals.length) uncertain.push({ kind: 'columns', raw, paths: ALL_PATHS, chosen: valuesOf(best), others: rivals.slice(0, 2) });
  const decidedBy = rivals.length
    ? '无法唯一确定：数字位于两列之间，多种位置同样满足各组合计'
    : found.length > 1
      ? '数字的位置与各组合计'
      : '数字在页面上的位置（所在的表头列）';
  const confidence = rivals.length ? 0.5 : 0.9;
  const end = pieces[pieces.length - 1]!.end;
  return best.map((p, i) => {
    const cell: CellRead = p ? { ...cellFromPiece(p, confidence), decidedBy } : { ...blankCell(end), confidence, decidedBy };
    const alts = [...new Set(rivals.map((r) => r[i] ?? null).filter((v) => v !== cell.value))];
    if (alts.length) cell.alternatives = alts;
    return cell;
  });
}

/** Each group's total is the sum of its four other cells, blanks read as 0; a group with a blank total has nothing to check. */
function groupsAddUp(values: readonly (number | null)[]): boolean {
  for (let g = 0; g < ALL; g += GROUP) {
    const total = values[g + GROUP - 1];
    if (total === null || total === undefined) continue;
    let sum = 0;
    for (let c = g; c < g + GROUP - 1; c++) sum += values[c] ?? 0;
    if (sum !== total) return false;
  }
  return true;
}

const isTableHeading = (key: string) => key.startsWith('col.') || key === 'group.direct' || key === 'group.afterReview';

function isAfterColumnHeader(r: ValueRow, tokens: ReturnType<typeof tokenize>): boolean {
  return tokens.some((t) => t.kind === 'label' && isTableHeading(t.key) && t.end <= r.start);
}

function groupOf(r: ValueRow): string | null {
  const keys = r.precedingLabels.map((l) => l.key);
  if (keys.includes('group.direct')) return 'litigationDirect';
  if (keys.includes('group.afterReview')) return 'litigationAfterReview';
  if (keys.includes('group.review') && !keys.includes('group.litigation')) return 'review';
  return null;
}

/** The stated case counts a reading agrees with (a tie-breaker among readings the group totals allow). */
function agreementWith(narrative: readonly NarrativeFact[]): (parts: readonly number[]) => number {
  const stated = (kind: NarrativeFact['kind']) => narrative.find((f) => f.kind === kind)?.value;
  const reviews = stated('reviews');
  const lawsuits = stated('lawsuits');
  return (parts) => (reviews !== undefined && parts[4] === reviews ? 1 : 0) + (lawsuits !== undefined && parts[9]! + parts[14]! === lawsuits ? 1 : 0);
}

const ALL_PATHS = REVIEW_GROUPS.flatMap((g) => [0, 1, 2, 3, 4].map((c) => cellPath('reviewLitigation', g.key, c)));

/**
 * A collapsed row of the fifteen counts: the expansions the group totals allow, then the stated case counts. When
 * no expansion satisfies every group's total (the document's own totals are wrong), every expansion is a reading,
 * ranked by the stated counts alone, and the row is uncertain.
 */
function expandCollapsed(pieces: Piece[], narrative: readonly NarrativeFact[], notes: string[], uncertain: UncertainRun[]): CellRead[] {
  const values = plainNumbers(pieces)!;
  const adding = expansions(values, ALL, groupsSum(GROUP));
  const certain = adding.length > 0;
  const found = certain ? adding : expansions(values, ALL);
  // Without the group totals nothing says which expansion is meant (satisfying more of the wrong totals does not):
  // only the stated case counts rank them.
  const agreement = agreementWith(narrative);
  found.sort((a, b) => agreement(b) - agreement(a));
  const best = found[0]!;
  const rivals = found.slice(1).filter((f) => agreement(f) === agreement(best));
  const raw = pieces.map((p) => p.raw).join(' ');
  if (!certain) notes.push(`第四部分相邻相同的数字只印了一次（${raw}），没有满足全部各组合计的读法，按印出的数字读取`);
  else if (rivals.length) notes.push(`第四部分相邻相同的数字只印了一次（${raw}），有 ${found.length} 种满足各组合计的读法，取其一`);
  if (rivals.length) uncertain.push({ kind: 'collapsed', raw, paths: ALL_PATHS, chosen: best, others: rivals.slice(0, 2) });
  const decidedBy = !certain
    ? rivals.length
      ? '无法唯一确定：没有满足各组合计的读法，多种展开同样可能'
      : '没有满足各组合计的读法：按正文所述案件数展开，各组合计不符'
    : rivals.length
      ? '无法唯一确定：多种读法同样满足各组合计'
      : found.length > 1
        ? '各组合计与正文所述案件数'
        : '各组合计（唯一满足各组总计的读法）';
  return best.map((value, i) => {
    const cell: CellRead = {
      value,
      state: value === 0 ? 'ZERO' : 'NUMERIC',
      raw,
      start: pieces[0]!.start,
      end: pieces[pieces.length - 1]!.end,
      confidence: rivals.length || !certain ? 0.5 : 0.95,
      decidedBy,
    };
    // Every value a rival puts here: a collapsed row prints few distinct values, so the list stays short.
    const alts = [...new Set(rivals.map((r) => r[i]!).filter((v) => v !== value))];
    if (alts.length) cell.alternatives = alts;
    return cell;
  });
}

function splitGlued(pieces: Piece[], narrative: readonly NarrativeFact[], notes: string[], uncertain: UncertainRun[]): CellRead[] | null {
  const glued = gluedDigits(pieces);
  if (!glued) {
    notes.push(`第四部分表格只读到 ${pieces.length} 个值`);
    return null;
  }
  let found = splits(glued.digits, ALL, { groupSize: GROUP });
  let certain = true;
  if (!found || !found.length) {
    notes.push(`第四部分数字粘连（${glued.raw}），没有满足各组合计的拆分`);
    found = splits(glued.digits, ALL) ?? [];
    certain = false;
  }
  if (!found.length) return null;
  // Among the splits the group totals allow, those agreeing with the case counts the text states come first.
  const agreement = agreementWith(narrative);
  // (No other prior: every split of one run has the same number of digits, so none is more plausible.)
  found.sort((a, b) => agreement(b) - agreement(a));
  const best = found[0]!;
  const rivals = found.slice(1).filter((f) => agreement(f) === agreement(best));
  const confidence = certain && rivals.length === 0 ? 0.9 : 0.5;
  if (rivals.length) {
    notes.push(`第四部分数字粘连（${glued.raw}），有 ${found.length} 种满足合计的拆分，取最可能的一种`);
    uncertain.push({ raw: glued.raw, paths: ALL_PATHS, chosen: best, others: rivals.slice(0, 2) });
  }
  return best.map((value, i) => {
    const cell: CellRead = {
      value,
      state: value === 0 ? 'ZERO' : 'NUMERIC',
      raw: glued.raw,
      start: glued.start,
      end: glued.end,
      confidence,
    };
    const alts = [
      ...new Set(
        rivals
          .slice(0, 5)
          .map((r) => r[i]!)
          .filter((v) => v !== value),
      ),
    ];
    if (alts.length) cell.alternatives = alts;
    return cell;
  });
}
