/**
 * Section 二: the 第二十条 tables of proactive disclosure. Each row label is followed by its values; values
 * glued into one run are split by plausibility, since these tables print no totals to check against:
 * a stock (现行有效, 对外公开总数) is not smaller than the year's flow, a change (本年增/减) is often 0 and not
 * larger than the item count, and so on. Such choices are marked uncertain with their alternatives.
 */
import { DISCLOSURE_ROWS, cellPath, type DisclosureRow, type NarrativeFact, type Template } from '@ogi/domain';
import type { DocumentModel } from '../document.js';
import { regionView } from '../text-view.js';
import { findLabels, type LabelSpec } from './labels.js';
import { tokenize, valueRows, type ValueRow } from './tokens.js';
import { blankCell, cellFromPiece, fitPieces, piecesOf, type CellRead, type Piece, type UncertainRun } from './cell-read.js';
import { countAndAmountSplits, signedSplits } from './glued-digits.js';
import { expansions, plainNumbers } from './collapsed-runs.js';

const LABELS: readonly LabelSpec[] = [
  { key: 'regulations', core: '规章', notFollowedBy: ['制度'] },
  { key: 'normativeDocuments', core: '规范性文件' },
  { key: 'licensing', core: '行政许可' },
  { key: 'otherServices', core: '其他对外管理服务事项' },
  { key: 'penalty', core: '行政处罚' },
  { key: 'coercion', core: '行政强制' },
  { key: 'fees', core: '行政事业性收费' },
  { key: 'procurement', core: '政府集中采购' },
];

export interface DisclosureRead {
  rows: Map<string, Map<string, CellRead>>;
  labelsFound: number;
  notes: string[];
  uncertain: UncertainRun[];
}

export function readActiveDisclosure(
  doc: DocumentModel,
  start: number,
  end: number,
  template: Template,
  narrative: readonly NarrativeFact[],
  printing: { collapsed: boolean; previous?: { activeDisclosure: Record<string, Record<string, number | null>> } | null } = { collapsed: false },
): DisclosureRead {
  const view = regionView(doc, start, end);
  const layout = DISCLOSURE_ROWS[template];
  const specs = LABELS.filter((l) => layout.some((r) => r.key === l.key));
  const matches = findLabels(view, specs);
  const tokens = tokenize(doc, view, matches, start, end);
  const rows = valueRows(tokens);
  const notes: string[] = [];
  const uncertain: UncertainRun[] = [];
  const out = new Map<string, Map<string, CellRead>>();
  const found = new Set<string>();

  for (const def of layout) {
    // The first value row printed right after this row's label (and before any other label).
    const row = rows.find((r) => r.precedingLabels.length > 0 && r.precedingLabels[r.precedingLabels.length - 1]!.key === def.key);
    const fields = new Map<string, CellRead>();
    if (row) {
      found.add(def.key);
      const unit = headerUnit(doc.text, start, row.precedingLabels[row.precedingLabels.length - 1]!.start);
      const carried = carriedItems(def, printing.previous?.activeDisclosure[def.key]);
      const cells = readRow(def, row, template, narrative, { notes, uncertain, collapsed: printing.collapsed, unit, carried });
      def.fields.forEach((f, i) => fields.set(f.key, cells[i] ?? blankCell(row.end)));
    } else if (matches.some((m) => m.key === def.key)) found.add(def.key);
    out.set(def.key, fields);
  }
  return { rows: out, labelsFound: found.size, notes, uncertain };
}

function readRow(
  def: DisclosureRow,
  row: ValueRow,
  template: Template,
  narrative: readonly NarrativeFact[],
  context: { notes: string[]; uncertain: UncertainRun[]; collapsed: boolean; unit: MoneyUnit | null; carried: number | null },
): CellRead[] {
  const { notes, uncertain, collapsed } = context;
  const k = def.fields.length;
  const pieces = fitPieces(withUnits(piecesOf(row)), k);
  const moneyField = def.fields.findIndex((f) => f.kind === 'money');
  if (pieces.length === k)
    return pieces.map((p, i) =>
      i === moneyField
        ? moneyCell(p, def, template, { notes, uncertain, headerUnit: context.unit, path: cellPath('activeDisclosure', def.key, def.fields[i]!.key) })
        : cellFromPiece(p),
    );
  const paths = def.fields.map((f) => cellPath('activeDisclosure', def.key, f.key));
  if (pieces.length === 1 && k === 2 && def.key === 'procurement') return procurementSplit(pieces[0]!, paths, notes, uncertain, context.unit);
  const printed = pieces.length < k ? plainNumbers(pieces) : null;
  // In a collapsed table the printed values are whole cells: only their runs are unknown.
  if (collapsed && printed && moneyField < 0) return expandCollapsed(def, pieces, printed, { paths, notes, uncertain, carried: context.carried });
  const signedDigitsOnly = pieces.every((p) => /^([+\-−－]?\d+)+$/.test(p.raw));
  if (pieces.length >= 1 && signedDigitsOnly && (pieces.length < k || pieces.some((p) => /\d[+\-−－]/.test(p.raw)))) {
    // A run too short to be several numbers glued together for sure ("265" for three cells) may as well be one
    // value printed once for a run of equal cells: that reading competes with the splits.
    const digitCount = pieces.reduce((n, p) => n + p.raw.replace(/\D/g, '').length, 0);
    const runs = printed && digitCount < 2 * k ? expansions(printed, k) : [];
    return gluedSplit(def, pieces, template, narrative, { paths, notes, uncertain, carried: context.carried }, runs);
  }
  notes.push(`${def.label}: 印出 ${pieces.length} 个值，表格应有 ${k} 个`);
  return pieces.slice(0, k).map((p) => cellFromPiece(p, 0.6));
}

type MoneyUnit = '元' | '万元';

/** A unit mark in a table header: （元）, (万元), （单位：元）, 单位：万元. */
const HEADER_UNIT = /[（(]\s*(?:单位\s*[:：]\s*)?(万元|元)\s*[)）]|单位\s*[:：]\s*(万元|元)/g;

/**
 * The money unit the header of a row's sub-table prints — the text from the row's 第二十条 heading to its label,
 * where a unit often sits on the line below the column name ("采购总金额" / "（元）"). Null when none is printed.
 */
function headerUnit(text: string, regionStart: number, labelStart: number): MoneyUnit | null {
  const before = text.slice(regionStart, labelStart);
  const heading = before.lastIndexOf('第二十条');
  const header = heading >= 0 ? before.slice(heading) : before.slice(-120);
  let unit: MoneyUnit | null = null;
  for (const m of header.matchAll(HEADER_UNIT)) unit = (m[1] ?? m[2]) as MoneyUnit;
  return unit;
}

/** A unit printed as a piece of its own after a number ("251000" "元" in a PDF line) belongs to that number. */
function withUnits(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const previous = out[out.length - 1];
    if (previous && /^(万元|元)$/.test(p.raw) && /\d$/.test(previous.raw))
      out[out.length - 1] = { raw: previous.raw + p.raw, start: previous.start, end: p.end };
    else out.push(p);
  }
  return out;
}

/**
 * Money in 万元. The unit printed in the cell decides, else the one in the column's header; 元 amounts are
 * converted. The 2021 format fixes 万元 in its header; a 2019 amount with no unit anywhere is uncertain — read as
 * 万元, with the 元 reading offered and a finding — never silently assumed.
 */
function moneyCell(
  p: Piece,
  def: DisclosureRow,
  template: Template,
  context: { notes: string[]; uncertain: UncertainRun[]; headerUnit: MoneyUnit | null; path: string },
): CellRead {
  const cell = cellFromPiece(p);
  if (cell.value === null) return cell;
  const unit = (cell.unitRaw as MoneyUnit | undefined) ?? context.headerUnit;
  const decidedBy = cell.unitRaw ? `单元格注明单位“${cell.unitRaw}”` : unit ? `表头注明单位“${unit}”` : undefined;
  if (unit === '元') return { ...cell, value: round(cell.value / 10_000), confidence: 0.95, decidedBy: decidedBy! };
  if (unit === '万元') return { ...cell, decidedBy: decidedBy! };
  if (template === '2019') {
    const asYuan = round(cell.value / 10_000);
    context.notes.push(`${def.label}: 金额在单元格和表头都未注明单位，暂按万元读取，也可能是元（${asYuan} 万元）`);
    context.uncertain.push({ kind: 'unit', raw: p.raw, paths: [context.path], chosen: [cell.value], others: [[asYuan]] });
    return { ...cell, confidence: 0.5, alternatives: [asYuan], decidedBy: '无法确定：未注明单位' };
  }
  return cell;
}

const round = (x: number) => Math.round(x * 1e8) / 1e8;

/** "13575394432.52元": a project count glued to an amount. The split puts a plausible amount on each project. */
function procurementSplit(p: Piece, paths: string[], notes: string[], uncertain: UncertainRun[], headerUnit: MoneyUnit | null): CellRead[] {
  const m = /^(\d+(?:\.\d+)?)(万元|元)?$/.exec(p.raw);
  if (!m) return [cellFromPiece(p, 0.5), blankCell(p.end)];
  const toWan = (m[2] ?? headerUnit) === '元' ? 1 / 10_000 : 1;
  const options = countAndAmountSplits(m[1]!)
    .filter((o) => o.count > 0)
    .map((o) => {
      const perProject = (o.amount * toWan) / o.count;
      // Centralised procurement projects are typically tens of 万元 each.
      return { ...o, score: -Math.abs(Math.log10(Math.max(perProject, 1e-6)) - Math.log10(50)) };
    })
    .sort((a, b) => b.score - a.score);
  const best = options[0];
  if (!best) return [cellFromPiece(p, 0.5), blankCell(p.end)];
  notes.push(`政府集中采购: 项目数与金额粘连（${p.raw}），按每项金额最合理的拆分读取`);
  uncertain.push({
    raw: p.raw,
    paths,
    chosen: [best.count, round(best.amount * toWan)],
    others: options.slice(1, 4).map((o) => [o.count, round(o.amount * toWan)]),
  });
  const base = { raw: p.raw, start: p.start, end: p.end, confidence: 0.5 };
  return [
    { ...base, value: best.count, state: 'NUMERIC', alternatives: options.slice(1, 4).map((o) => o.count) },
    {
      ...base,
      value: round(best.amount * toWan),
      state: 'NUMERIC',
      unitRaw: m[2] ?? '',
      alternatives: options.slice(1, 4).map((o) => round(o.amount * toWan)),
    },
  ];
}

interface DisclosureReport {
  paths: string[];
  notes: string[];
  uncertain: UncertainRun[];
  /** This row's 上一年项目数量 as last year's report implies it, when known. */
  carried: number | null;
}

const FROM_PREVIOUS_YEAR = '上一年度报告（上一年项目数量 = 上年报告的上一年项目数量 + 本年增/减）';

/**
 * A 2019 row that counts items carried from year to year (上一年项目数量, 本年增/减): last year's report gives this
 * year's 上一年项目数量. Null when the row has no such fields or last year's report does not print both.
 */
function carriedItems(def: DisclosureRow, previous: Record<string, number | null> | undefined): number | null {
  if (!previous || def.fields[0]?.key !== 'previousItems' || !def.fields.some((f) => f.key === 'change')) return null;
  const items = previous['previousItems'] ?? null;
  const change = previous['change'] ?? null;
  return items === null || change === null ? null : items + change;
}

/** The readings that agree with last year's report, when it settles any; otherwise all of them. */
function agreeingWithPreviousYear(readings: number[][], carried: number | null): { readings: number[][]; decided: boolean } {
  if (carried === null || readings.length < 2) return { readings, decided: false };
  const agreeing = readings.filter((r) => r[0] === carried);
  return agreeing.length ? { readings: agreeing, decided: true } : { readings, decided: false };
}

/**
 * A row of a collapsed table printing fewer values than cells: its expansions. These tables print no sums, so
 * one printed value (or one per cell) has one reading; otherwise the readings are kept as alternatives.
 */
function expandCollapsed(def: DisclosureRow, pieces: Piece[], printed: number[], report: DisclosureReport): CellRead[] {
  const { readings: found, decided } = agreeingWithPreviousYear(expansions(printed, def.fields.length), report.carried);
  const raw = pieces.map((p) => p.raw).join(' ');
  const base = { raw, start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end };
  if (!found.length) return def.fields.map((_, i) => (pieces[i] ? cellFromPiece(pieces[i]!, 0.6) : blankCell(base.end)));
  const [best, ...rivals] = found;
  if (rivals.length) {
    report.notes.push(`${def.label}: 相邻相同的数字只印了一次（${raw}），有 ${found.length} 种读法，无法确定`);
    report.uncertain.push({ kind: 'collapsed', raw, paths: report.paths, chosen: best!, others: rivals.slice(0, 3) });
  }
  return best!.map((value, i) => {
    const cell: CellRead = {
      ...base,
      value,
      state: value === 0 ? 'ZERO' : 'NUMERIC',
      confidence: rivals.length ? 0.5 : 0.9,
      decidedBy: rivals.length ? '无法唯一确定：本表不印合计，多种展开都可能' : decided ? FROM_PREVIOUS_YEAR : '相邻相同的数字只印一次，本行只有一种展开',
    };
    const alts = [...new Set(rivals.map((r) => r[i]!).filter((v) => v !== value))];
    if (alts.length) cell.alternatives = alts;
    return cell;
  });
}

function gluedSplit(
  def: DisclosureRow,
  pieces: Piece[],
  template: Template,
  narrative: readonly NarrativeFact[],
  report: DisclosureReport,
  runs: readonly number[][] = [],
): CellRead[] {
  const k = def.fields.length;
  const run = pieces.map((p) => p.raw).join('');
  const changeField = def.fields.findIndex((f) => f.kind === 'signedCount');
  const all = [...(signedSplits(run, k, changeField >= 0 ? changeField : undefined) ?? []), ...runs];
  const { readings, decided } = agreeingWithPreviousYear(all, report.carried);
  const candidates = readings
    .filter((parts, i) => readings.findIndex((o) => o.join() === parts.join()) === i)
    .map((parts) => ({ parts, score: disclosurePrior(def, template, parts, narrative) }));
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  const raw = pieces.map((p) => p.raw).join(' ');
  const base = { raw, start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end };
  if (!best) return def.fields.map(() => ({ ...base, value: null, state: 'TEXT' as const, confidence: 0.2 }));
  // No rule fixes a split of these tables: any other split is a possible reading, the close ones likely.
  const rivals = candidates.slice(1);
  const certain = rivals.length === 0;
  const close = rivals.filter((c) => best.score - c.score < 1);
  if (!certain) {
    report.notes.push(`${def.label}: 数字粘连（${raw}），有 ${rivals.length + 1} 种读法，取最可能的一种`);
    report.uncertain.push({ raw, paths: report.paths, chosen: best.parts, others: rivals.slice(0, 3).map((r) => r.parts) });
  }
  return best.parts.map((value, i) => {
    const cell: CellRead = { ...base, value, state: value === 0 ? 'ZERO' : 'NUMERIC', confidence: certain ? 0.9 : close.length ? 0.5 : 0.7 };
    if (certain && decided) cell.decidedBy = FROM_PREVIOUS_YEAR;
    const alts = [
      ...new Set(
        candidates
          .slice(1, 6)
          .map((c) => c.parts[i]!)
          .filter((v) => v !== value),
      ),
    ];
    if (alts.length) cell.alternatives = alts;
    return cell;
  });
}

const log = (x: number) => Math.log10(x + 1);

/**
 * Plausibility of a split of a section 二 row (higher is better). Stocks are not below the year's flow and
 * are typically a few years' worth of it; items rarely change by more than their count, and often not at all.
 */
export function disclosurePrior(def: DisclosureRow, template: Template, parts: readonly number[], narrative: readonly NarrativeFact[]): number {
  const spread = (xs: readonly number[]) => {
    const lens = xs.map((x) => String(x).length);
    return Math.max(...lens) - Math.min(...lens);
  };
  let s = 0;
  if (template === '2021' && (def.key === 'regulations' || def.key === 'normativeDocuments')) {
    const [issued, repealed, inForce] = parts as [number, number, number];
    if (inForce < issued) s -= 5;
    if (repealed > inForce) s -= 5;
    s -= Math.abs(log(inForce) - log(issued) - 0.8);
    if (def.key === 'normativeDocuments' && narrative.some((f) => f.kind === 'normativeDocumentsIssued' && f.value === issued)) s += 2;
    return s;
  }
  if (template === '2019' && (def.key === 'regulations' || def.key === 'normativeDocuments')) {
    const [made, published, total] = parts as [number, number, number];
    if (published > total) s -= 5;
    if (made > total) s -= 3;
    if (made === published) s += 2;
    return s - spread([made, total]);
  }
  if (template === '2019' && def.fields.some((f) => f.key === 'change')) {
    const previous = parts[0]!;
    const change = parts[1]!;
    if (change === 0) s += 2;
    s += Math.abs(change) <= previous ? 1 : -2;
    return s - spread(parts.filter((_, i) => i !== 1));
  }
  return -spread(parts);
}
