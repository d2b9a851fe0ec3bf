/**
 * Section 三: the table of applications received and handled.
 *
 * 1. Labels are found loosely in the region; values are the runs printed between them (tokens.ts).
 * 2. Value rows are aligned to the official rows in order (a small dynamic programme): a row whose label was
 *    printed goes to that label's row; a row whose label was lost (Markdown converted from PDF) takes the
 *    free row its position implies. The 2019 single （六） row and the 2021 three sub-rows are both tried.
 * 3. One solver decides the rows the print alone does not: each such row gets its candidate readings from the
 *    generators that fit how it was printed — digits glued into one run (glued-digits.ts), equal neighbouring
 *    cells printed once (collapsed-runs.ts), values whose blank neighbours printed nothing placed in columns (by
 *    their position on the page, column-geometry.ts, or wherever the row allows), an extra 小计 column left
 *    out — each satisfying the row's own 总计. The combination across rows is
 *    the one that satisfies most of the table's column rules (outcomes add up to 总计, the 勾稽 balance), then
 *    the narrative, then plausibility. A choice the rules do not force is marked uncertain, with its
 *    alternatives; the evidence of every such cell says what decided it.
 */
import { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX, APPLICATION_ROWS, applicationRowKeys, cellPath, type NarrativeFact, type Template } from '@ogi/domain';
import type { DocumentModel } from '../document.js';
import { foldLabel, regionView } from '../text-view.js';
import { findLabels, type LabelSpec } from './labels.js';
import { tokenize, valueRows, type ValueRow } from './tokens.js';
import { blankCell, cellFromPiece, fitPieces, gluedDigits, piecesOf, type CellRead, type Piece, type UncertainRun } from './cell-read.js';
import { applicantRowPrior, splits } from './glued-digits.js';
import { expansions, lastIsSum, looksCollapsed, plainNumbers } from './collapsed-runs.js';
import { centreOf, completeFromValues, geometryFromFullRows, geometryFromHeader, placements, type ColumnGeometry } from './column-geometry.js';

const COLUMNS = 7;

/** How each row's label is printed, in the folded view form. */
export const APPLICATION_LABELS: readonly LabelSpec[] = APPLICATION_ROWS.map((r): LabelSpec => {
  const numbering = foldLabel(r.number);
  switch (r.key) {
    case 'partiallyGranted':
      return { key: r.key, core: '部分公开', numbering, variants: [foldLabel(r.label)] };
    case 'otherHandling':
      return { key: r.key, core: '其他处理', numbering, variants: ['(六)其他'], notFollowedBy: ['法律'] };
    case 'otherHandling.other':
      return { key: r.key, core: '其他', numbering, numberingRequired: true, notFollowedBy: ['处理', '法律', '情形', '结果', '组织'] };
    case 'total':
      return { key: r.key, core: '总计', numbering, numberingRequired: true };
    case 'newReceived':
      return { key: r.key, core: foldLabel(r.label), numbering, variants: ['本年新收申请数量', '本年新收政府信息公开申请'] };
    case 'carriedOver':
      return { key: r.key, core: foldLabel(r.label), numbering, variants: ['上年结转申请数量', '上年结转政府信息公开申请'] };
    case 'carriedForward':
      return { key: r.key, core: foldLabel(r.label), numbering, variants: ['结转下年度'] };
    default:
      return { key: r.key, core: foldLabel(r.label), numbering };
  }
});

export interface ApplicationsRead {
  rows: Map<string, CellRead[]>;
  otherHandlingAsOneRow: boolean;
  /** How many official row labels were found: evidence that this is the section 三 table. */
  labelsFound: number;
  valueRowCount: number;
  notes: string[];
  uncertain: UncertainRun[];
  /** The table was printed by a crawler that writes each run of equal neighbouring cells once. */
  collapsed: boolean;
}

/** One reading of a row the print alone does not settle, and the generator that proposed it. */
interface Reading {
  values: (number | null)[];
  /**
   * `glued`: digits printed without separators, cut apart; `collapsed`: runs of equal cells printed once, expanded;
   * `columns`: values whose blank neighbours printed nothing, placed in columns (by where they are printed on the
   * page, or wherever the row's 总计 allows); `subtotal`: an extra 法人或其他组织 小计 column left out.
   */
  source: 'glued' | 'collapsed' | 'columns' | 'subtotal';
  /** The printed piece in each column, when every value was printed in a piece of its own. */
  pieces?: (Piece | undefined)[];
  /** How plausible the reading is before any rule, higher more (default: the applicant-row prior of its values). */
  prior?: number;
  /** For a `subtotal` reading: the index among the eight printed values of the column left out. */
  subtotalAt?: number;
  /** The row's own 总计 refutes this reading: it is read only as what the document printed, with its error. */
  refutedByRow?: boolean;
}

interface RowCandidates {
  key: string;
  /** The readings of a row that was not printed cell by cell; empty when it was (then `cells`). */
  candidates: Reading[];
  cells: CellRead[] | null;
  /** Where the undecided row was printed. */
  span: { raw: string; start: number; end: number } | null;
  positional: boolean;
  /** A short row placed left to right without positions: which column each value is in is a guess. */
  guessedColumns?: boolean;
  /** The readings are placements of values by where they are printed on the page. */
  byPosition?: boolean;
}

export function readApplications(
  doc: DocumentModel,
  start: number,
  end: number,
  hint: { template: Template | null; narrative: readonly NarrativeFact[]; previous?: { applications: Record<string, (number | null)[]> } | null },
): ApplicationsRead {
  const view = regionView(doc, start, end);
  const matches = findLabels(view, APPLICATION_LABELS);
  const tokens = tokenize(doc, view, matches, start, end);
  const allRows = valueRows(tokens);
  const collapsed = looksCollapsed(
    allRows.map((r) => ({ pieces: fitPieces(piecesOf(r), COLUMNS), ownCells: r.tokens.filter((t) => t.raw.trim()).length })),
    COLUMNS,
  );
  // In a collapsed table a row of zeros is one printed "0" under its label: a row, not a stray number. So is a
  // lone number beside its label on a PDF page, where the row's other cells are blank (its position says its column).
  const notes: string[] = [];
  // Text where every row printed fewer values than the table has columns, some only a lone number: the crawler
  // dropped the blank cells and printed each run of equal cells once. Only the columns all rows share can say where.
  const sharedColumns = doc.format !== 'pdf' && !collapsed && printsOnlyShortRows(allRows);
  const rows = allRows.filter(
    (r) =>
      isApplicationRow(r) ||
      (r.precedingLabels.length > 0 &&
        plainNumbers(piecesOf(r)) !== null &&
        (collapsed || sharedColumns || piecesOf(r).every((p) => centreOf(doc, p) !== null))),
  );
  const distinctLabels = new Set(matches.map((m) => m.key));

  const hasSubRowLabels = ['otherHandling.overdueCorrection', 'otherHandling.overdueFee'].some((k) => distinctLabels.has(k));
  const single = align(rows, applicationRowKeys(true));
  const triple = align(rows, applicationRowKeys(false));
  let useSingle: boolean;
  if (single.score !== triple.score) useSingle = single.score > triple.score;
  else useSingle = !hasSubRowLabels && hint.template !== '2021';
  const alignment = useSingle ? single : triple;

  const columns = columnGeometry(doc, start, rows);
  if (collapsed && !columns) notes.push('表格中相邻相同的数字只印了一次（网页抓取文本），按本行合计和表格的列合计展开');
  const perRow: RowCandidates[] = [];
  for (const [rowIndex, key] of alignment.mapping) {
    const row = rows[rowIndex]!;
    const labelled = row.precedingLabels.some((l) => l.key === key);
    perRow.push(candidatesOf(doc, key, row, !labelled, columns, notes, collapsed && !columns));
  }
  const lastCarriedForward = hint.previous?.applications['carriedForward'] ?? null;
  const onShared = sharedColumns
    ? solveSharedColumns(
        alignment.mapping.map(([rowIndex, key], i) => ({ key, pieces: fitPieces(piecesOf(rows[rowIndex]!), COLUMNS), positional: perRow[i]!.positional })),
        useSingle,
        hint.narrative,
        lastCarriedForward,
      )
    : null;
  if (onShared) {
    perRow.splice(0, perRow.length, ...onShared.rows);
    notes.push('各行只印出不为空的数，且相邻相同的数只印一次（网页抓取文本）：按各行共同印出的列和表格的合计展开');
  }
  const chosen = onShared?.chosen ?? solve(perRow, useSingle, hint.narrative, lastCarriedForward);
  const subtotalAt = [...chosen.values()].find((p) => p.source === 'subtotal')?.subtotalAt;
  if (subtotalAt !== undefined) notes.push(`表格多印一列“法人或其他组织小计”（第 ${subtotalAt + 1} 个数字列），读表时略去`);

  const out = new Map<string, CellRead[]>();
  const uncertain: UncertainRun[] = [];
  for (const rc of perRow) {
    const pick = chosen.get(rc.key)!;
    if (rc.cells) {
      if (rc.guessedColumns)
        uncertain.push({
          kind: 'columns',
          raw: rc.cells
            .filter((c) => c.raw)
            .map((c) => c.raw)
            .join(' '),
          paths: rc.cells.map((_, c) => cellPath('applications', rc.key, c)),
          chosen: rc.cells.map((c) => c.value),
          others: [],
        });
      out.set(
        rc.key,
        rc.cells.map((c) => (rc.positional ? { ...c, confidence: Math.min(c.confidence, 0.8) } : c)),
      );
      continue;
    }
    const g = rc.span!;
    const alternatives = pick.alternatives;
    if (alternatives.length)
      uncertain.push({
        kind: pick.source === 'subtotal' ? 'columns' : pick.source,
        raw: g.raw,
        paths: pick.values.map((_, c) => cellPath('applications', rc.key, c)),
        chosen: pick.values,
        others: alternatives.slice(0, 3),
      });
    out.set(
      rc.key,
      pick.values.map((value, col) => {
        const piece = pick.pieces?.[col];
        // A value printed in a piece of its own keeps that piece as its evidence; a blank is where the row ends.
        const cell: CellRead = piece
          ? { ...cellFromPiece(piece, pick.confidence), decidedBy: pick.decidedBy }
          : pick.pieces
            ? { ...blankCell(g.end), confidence: pick.confidence, decidedBy: pick.decidedBy }
            : {
                value,
                state: value === null ? 'EMPTY' : value === 0 ? 'ZERO' : 'NUMERIC',
                raw: g.raw,
                start: g.start,
                end: g.end,
                confidence: pick.confidence,
                decidedBy: pick.decidedBy,
              };
        const alts = alternatives.map((a) => a[col] ?? null).filter((v) => v !== value);
        if (alts.length) cell.alternatives = [...new Set(alts)];
        return cell;
      }),
    );
  }
  for (const key of applicationRowKeys(useSingle)) if (!out.has(key)) out.set(key, []);
  return {
    rows: out,
    otherHandlingAsOneRow: useSingle,
    labelsFound: distinctLabels.size,
    valueRowCount: rows.length,
    notes,
    uncertain,
    collapsed: collapsed || onShared !== null,
  };
}

/** A value row of this table has at least one digit or several cells; stray page numbers have neither label nor company. */
function isApplicationRow(r: ValueRow): boolean {
  const pieces = piecesOf(r);
  const digits = pieces.filter((p) => /\d/.test(p.raw));
  if (!digits.length) return pieces.length >= COLUMNS;
  // A single piece of text holding fewer than seven digits cannot fill a row even glued: it is a stray number
  // (a page number, a displaced cell). Several cells of their own are a row with blanks.
  const digitCount = digits.reduce((n, p) => n + p.raw.replace(/\D/g, '').length, 0);
  const printedTokens = r.tokens.filter((t) => t.raw.trim()).length;
  return !(printedTokens === 1 && pieces.length < COLUMNS && digitCount < COLUMNS);
}

interface Alignment {
  score: number;
  /** value row index → row key */
  mapping: [number, string][];
}

/**
 * Aligns value rows to the official rows, in order. A row printed under its own label scores high on that
 * label's row and low elsewhere; an unlabelled row goes wherever the order puts it.
 */
function align(rows: readonly ValueRow[], keys: readonly string[]): Alignment {
  const n = rows.length;
  const m = keys.length;
  const NEG = -1e9;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(NEG));
  const from: (0 | 1 | 2)[][] = Array.from({ length: n + 1 }, () => new Array<0 | 1 | 2>(m + 1).fill(0));
  dp[0]![0] = 0;
  // The labels before each row, with and without （六）其他处理 (which only the single （六） row may claim): computed
  // once, as the programme asks for every pair of value row and official row.
  const labelKeys = rows.map((r) => r.precedingLabels.map((l) => l.key));
  const withoutOther = labelKeys.map((ks) => ks.filter((k) => k !== 'otherHandling'));
  const matchScore = (i: number, j: number) => {
    const key = keys[j]!;
    const labels = key === 'otherHandling' ? labelKeys[i]! : withoutOther[i]!;
    if (!labels.length) return 2;
    if (labels[labels.length - 1] === key) return 8;
    if (labels.includes(key)) return 6;
    return -3;
  };
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= m; j++) {
      const here = dp[i]![j]!;
      if (here === NEG) continue;
      if (j < m && here - 1 > dp[i]![j + 1]!) {
        dp[i]![j + 1] = here - 1; // an official row with no printed values
        from[i]![j + 1] = 1;
      }
      if (i < n) {
        const skip = here - (rows[i]!.precedingLabels.length ? 6 : 3);
        if (skip > dp[i + 1]![j]!) {
          dp[i + 1]![j] = skip; // a value row that belongs to no official row
          from[i + 1]![j] = 2;
        }
      }
      if (i < n && j < m) {
        const s = here + matchScore(i, j);
        if (s > dp[i + 1]![j + 1]!) {
          dp[i + 1]![j + 1] = s;
          from[i + 1]![j + 1] = 0;
        }
      }
    }
  const mapping: [number, string][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const step = from[i]![j]!;
    if (step === 0) {
      mapping.push([i - 1, keys[j - 1]!]);
      i--;
      j--;
    } else if (step === 1) j--;
    else i--;
  }
  return { score: dp[n]![m]!, mapping: mapping.reverse() };
}

function candidatesOf(
  doc: DocumentModel,
  key: string,
  row: ValueRow,
  positional: boolean,
  columns: ColumnGeometry | null,
  notes: string[],
  collapsed: boolean,
): RowCandidates {
  const pieces = fitPieces(piecesOf(row), COLUMNS);
  if (pieces.length === COLUMNS) {
    const cells = pieces.map((p) => cellFromPiece(p));
    return { key, candidates: [], cells, span: null, positional };
  }
  const span = { raw: pieces.map((p) => p.raw).join(' '), start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end };
  const undecided = (candidates: Reading[], byPosition = false): RowCandidates => ({ key, candidates, cells: null, span, positional, byPosition });

  // One printed value per column too many: a 法人或其他组织 小计 printed after 其他 or before 商业企业.
  if (pieces.length === COLUMNS + 1) {
    const readings = withoutSubtotal(pieces);
    if (readings.length) return undecided(readings);
  }
  const readings: Reading[] = [];
  const printed = collapsed ? plainNumbers(pieces) : null;
  if (printed) {
    const summing = expansions(printed, COLUMNS, lastIsSum);
    for (const values of summing.slice(0, 40)) readings.push({ values, source: 'collapsed' });
    if (!summing.length) {
      // No expansion adds up: the crawler also dropped the row's blank cells, or the document's own 总计 is wrong.
      // Both are readings; the table's sums choose, and where they cannot, the row is uncertain.
      for (const values of withLostBlanks(printed)) readings.push({ values, source: 'collapsed' });
      for (const values of expansions(printed, COLUMNS).slice(0, 40)) readings.push({ values, source: 'collapsed', refutedByRow: true });
    }
  }
  // Digits run together only inside one printed piece of text; separate cells are never glued.
  const glued = pieces.length < COLUMNS && row.tokens.filter((t) => t.raw.trim()).length === 1 ? gluedDigits(pieces) : null;
  if (glued && glued.digits.length >= COLUMNS) {
    let found = splits(glued.digits, COLUMNS, { lastIsSum: true });
    if (!found || !found.length) {
      notes.push(`${key}: 粘连数字 ${glued.raw} 没有满足本行合计的拆分，按最可能的拆分读取`);
      found = (splits(glued.digits, COLUMNS) ?? []).slice(0, 2000);
    }
    found.sort((a, b) => applicantRowPrior(b) - applicantRowPrior(a));
    for (const values of found.slice(0, 40)) readings.push({ values, source: 'glued' });
  }
  if (readings.length) return undecided(readings);
  if (pieces.length > COLUMNS) return printedAsIs(key, row, pieces, positional, notes, false);

  // Fewer cells than columns: the row's blank cells printed nothing. Each value goes under the column it is
  // printed in (a PDF); without positions, wherever the row's 总计 allows. The table's sums choose among them.
  const xs = columns ? pieces.map((p) => centreOf(doc, p)) : null;
  const placed = columns && xs && xs.every((x) => x !== null) ? placements(columns, xs as number[]) : null;
  if (placed) {
    const byPosition = placed.map((pl): Reading => readingOf(pieces, pl.columns, -pl.distance));
    // A placement the row's own 总计 refutes is not a reading, unless every placement is refuted (then the table is wrong).
    const summing = byPosition.filter((r) => rowAddsUp(r.values));
    notes.push(`${key}: 该行只印出 ${pieces.length} 个单元格，按位置对应到表头的列`);
    return undecided(summing.length ? summing : byPosition.slice(0, 1), true);
  }
  if (!columns) {
    const anywhere = orderedPlacements(pieces.length, COLUMNS)
      .map((cols) => readingOf(pieces, cols))
      .filter((r) => r.values[APPLICANT_TOTAL_INDEX] !== null && rowAddsUp(r.values));
    if (anywhere.length && anywhere.length <= 40) {
      notes.push(`${key}: 该行只印出 ${pieces.length} 个单元格，末一数等于其余之和，读作总计，其余各数所在的列按表格的合计确定`);
      return undecided(anywhere);
    }
  }
  return printedAsIs(key, row, pieces, positional, notes, columns !== null);
}

/**
 * Every labelled value row prints plain numbers, fewer than the table's columns, none two equal neighbours, and some
 * row prints one number alone: blanks dropped and runs printed once, in a table no row shows to be collapsed. A
 * lone number of seven digits or more may be a row's cells glued together (the 平潭 pages): not this layout.
 */
function printsOnlyShortRows(rows: readonly ValueRow[]): boolean {
  const labelled = rows.filter((r) => r.precedingLabels.length > 0);
  if (labelled.length < 3) return false;
  let lone = false;
  for (const r of labelled) {
    const pieces = fitPieces(piecesOf(r), COLUMNS);
    const values = plainNumbers(pieces);
    if (!values || values.length >= COLUMNS || values.some((v, i) => i > 0 && v === values[i - 1])) return false;
    if (values.length === 1 && pieces[0]!.raw.replace(/\D/g, '').length >= COLUMNS) return false;
    if (values.length === 1) lone = true;
  }
  return lone;
}

/**
 * A table whose blank cells the crawler dropped and whose runs of equal cells it printed once, rows of one lone
 * number among them: a row alone cannot say where its values go. Agencies leave whole columns blank (a table with
 * no 法人 applicants prints only 自然人 and 总计), so the table is read as printing one set of columns in every
 * row: each set of columns every row can be laid onto — its printed values expanded into runs, its 总计 adding up —
 * is a reading of the whole table, and the table's sums (and last year's 结转) weigh them. Where several sets fit
 * as well, the most plausible is read (the 总计 printed, then the most columns, then 自然人 before the others) and
 * the others are kept as each cell's alternatives, uncertain. Null when no set of columns fits every row.
 */
function solveSharedColumns(
  rows: readonly { key: string; pieces: Piece[]; positional: boolean }[],
  singleOtherRow: boolean,
  narrative: readonly NarrativeFact[],
  lastCarriedForward: readonly (number | null)[] | null,
): { rows: RowCandidates[]; chosen: Map<string, Pick> } | null {
  const printed = rows.map((r) => plainNumbers(r.pieces));
  if (!rows.length || printed.some((p) => !p || !p.length)) return null;
  const layouts: { columns: number[]; rows: RowCandidates[]; prior: number }[] = [];
  for (let mask = 1; mask < 1 << COLUMNS; mask++) {
    const columns = [...Array(COLUMNS).keys()].filter((c) => mask & (1 << c));
    const laid: RowCandidates[] = [];
    for (const [i, r] of rows.entries()) {
      const readings = expansions(printed[i]!, columns.length)
        .map((values) => {
          const row = new Array<number | null>(COLUMNS).fill(null);
          columns.forEach((c, k) => (row[c] = values[k]!));
          return row;
        })
        .filter(rowAddsUp)
        .slice(0, 40);
      if (!readings.length) break;
      const span = { raw: r.pieces.map((p) => p.raw).join(' '), start: r.pieces[0]!.start, end: r.pieces[r.pieces.length - 1]!.end };
      laid.push({ key: r.key, candidates: readings.map((values) => ({ values, source: 'collapsed' as const })), cells: null, span, positional: r.positional });
    }
    if (laid.length < rows.length) continue;
    layouts.push({ columns, rows: laid, prior: (columns.includes(APPLICANT_TOTAL_INDEX) ? 1000 : 0) + 10 * columns.length - columns[0]! });
  }
  if (!layouts.length) return null;
  // The layouts that satisfy the table's rules best, most plausible first.
  const best = (last: readonly (number | null)[] | null) => {
    const weighed = layouts.map((l) => ({ ...l, chosen: choose(l.rows, singleOtherRow, narrative, last) }));
    const top = Math.max(...weighed.map((w) => w.chosen.ruleScore ?? 0));
    return weighed.filter((w) => (w.chosen.ruleScore ?? 0) === top).sort((a, b) => b.prior - a.prior);
  };
  const [pick, ...others] = best(lastCarriedForward);
  const byLastYear = lastCarriedForward !== null && !others.length && best(null).length > 1;
  const chosen = new Map<string, Pick>();
  for (const [key, p] of pick!.chosen) {
    const rivals = [...p.alternatives, ...others.map((o) => o.chosen.get(key)!.values)];
    const alternatives = rivals.filter((v, k) => v.join() !== p.values.join() && rivals.findIndex((w) => w.join() === v.join()) === k);
    chosen.set(
      key,
      alternatives.length
        ? { ...p, alternatives, confidence: 0.5, decidedBy: '无法唯一确定：各行只印出不为空的数，多种列位置同样满足表格的合计，取最常见的一种' }
        : {
            ...p,
            confidence: 0.9,
            decidedBy: byLastYear
              ? '上一年度报告（本年上年结转 = 上年结转下年度）与表格的列合计（各行印出的列相同）'
              : '表格的列合计与勾稽关系（各行印出的列相同，唯一满足全部规则的读法）',
          },
    );
  }
  return { rows: pick!.rows, chosen };
}

/** A short row no reading fits: its values left to right, less surely, and said to be a guess. */
function printedAsIs(key: string, row: ValueRow, pieces: Piece[], positional: boolean, notes: string[], hadColumns: boolean): RowCandidates {
  notes.push(`${key}: 该行印出 ${pieces.length} 个单元格${hadColumns ? '，位置与表头的列对不上' : ''}，按顺序从左到右读取`);
  const cells = Array.from({ length: COLUMNS }, (_, c) => (pieces[c] ? cellFromPiece(pieces[c], 0.6) : blankCell(row.end)));
  return { key, candidates: [], cells, span: null, positional, guessedColumns: cells.some((c) => c.value !== null) };
}

/**
 * A collapsed row whose blank cells the crawler dropped too: each expansion of the printed values into fewer cells
 * than the row has, in every order-keeping choice of columns, the rest blank — the most filled first, and only
 * those the row's 总计 allows (a blank 总计 allows any). At most 40.
 */
function withLostBlanks(printed: readonly number[]): (number | null)[][] {
  const out: (number | null)[][] = [];
  for (let filled = COLUMNS - 1; filled >= printed.length && out.length < 40; filled--)
    for (const values of expansions(printed, filled))
      for (const cols of orderedPlacements(filled, COLUMNS)) {
        const row: (number | null)[] = new Array<number | null>(COLUMNS).fill(null);
        cols.forEach((c, i) => (row[c] = values[i]!));
        if (rowAddsUp(row) && out.length < 40) out.push(row);
      }
  return out;
}

/** A reading that puts piece i under column columns[i], every other column blank. */
function readingOf(pieces: readonly Piece[], columns: readonly number[], prior?: number): Reading {
  const placed: (Piece | undefined)[] = new Array<Piece | undefined>(COLUMNS).fill(undefined);
  columns.forEach((c, i) => (placed[c] = pieces[i]));
  const reading: Reading = { values: placed.map((p) => (p ? cellFromPiece(p).value : null)), source: 'columns', pieces: placed };
  if (prior !== undefined) reading.prior = prior;
  return reading;
}

/** The row's 总计 is the sum of its applicant columns, blanks read as 0; a row with a blank 总计 has nothing to check. */
function rowAddsUp(values: readonly (number | null)[]): boolean {
  const total = values[APPLICANT_TOTAL_INDEX];
  if (total === null || total === undefined) return true;
  let sum = 0;
  for (let c = 0; c < APPLICANT_TOTAL_INDEX; c++) sum += values[c] ?? 0;
  return sum === total;
}

/** Every order-keeping choice of `m` columns out of `k`, left-most first. */
function orderedPlacements(m: number, k: number): number[][] {
  const out: number[][] = [];
  const cols: number[] = [];
  const rec = (from: number) => {
    if (cols.length === m) {
      out.push([...cols]);
      return;
    }
    for (let c = from; c <= k - (m - cols.length); c++) {
      cols.push(c);
      rec(c + 1);
      cols.pop();
    }
  };
  rec(0);
  return out;
}

/**
 * Some agencies print an eighth column the official table does not have: the 法人或其他组织 小计, the sum of the
 * five kinds of organisation, after 其他 or before 商业企业. The readings of an eight-value row with that column
 * left out, where its arithmetic says it is one (the subtotal is the sum of the five, and the 总计 adds up without
 * it) — so a subtotal is never read as the 总计. Where the organisations are all 0 both places give one reading.
 */
function withoutSubtotal(pieces: readonly Piece[]): Reading[] {
  const values = pieces.map((p) => cellFromPiece(p).value);
  const out: Reading[] = [];
  for (const at of [APPLICANT_TOTAL_INDEX, 1]) {
    const rest = values.filter((_, i) => i !== at);
    const organisations = rest.slice(1, APPLICANT_TOTAL_INDEX).reduce<number>((a, x) => a + (x ?? 0), 0);
    if ((values[at] ?? 0) !== organisations || (rest[APPLICANT_TOTAL_INDEX] ?? 0) !== (rest[0] ?? 0) + organisations) continue;
    if (out.some((r) => r.values.join() === rest.join())) continue;
    out.push({ values: rest, source: 'subtotal', pieces: pieces.filter((_, i) => i !== at), subtotalAt: at });
  }
  return out;
}

/**
 * Where the seven columns are printed on a PDF page: learned from the rows that print all seven values (the
 * median centre of each column), or else from the header words 自然人 … 总计 above the first row. Null for other
 * containers.
 */
function columnGeometry(doc: DocumentModel, start: number, rows: readonly ValueRow[]): ColumnGeometry | null {
  if (doc.format !== 'pdf') return null;
  const fromRows = geometryFromFullRows(
    doc,
    rows.map((r) => fitPieces(piecesOf(r), COLUMNS)),
    COLUMNS,
  );
  if (fromRows) return fromRows;
  // A heading broken over lines ("社会公" / "益组织", "其" / "他", on a narrow page "商" / "业" / "企" / "业") is found by
  // its first line: a start of one heading only.
  const header = geometryFromHeader(doc, start, rows[0]?.start ?? start, COLUMNS, (text, found) => {
    const startsOneHeading = APPLICANT_COLUMNS.filter(({ label }) => label.startsWith(text)).length === 1;
    const c = APPLICANT_COLUMNS.findIndex(
      ({ label }, i) =>
        found[i] === null &&
        text.length > 0 &&
        (text.startsWith(label) ? !/[\u4e00-\u9fff]/.test(text.slice(label.length)) : startsOneHeading && label.startsWith(text)),
    );
    return c >= 0 ? c : null;
  });
  const valueXs = rows.flatMap((r) => piecesOf(r).map((p) => centreOf(doc, p))).filter((x): x is number => x !== null);
  return completeFromValues(header, valueXs);
}

/** What settles a row that has only one reading, by the generator of that reading. */
const singleReadingReason: Record<Reading['source'], string> = {
  glued: '本行合计（唯一满足本行总计的读法）',
  collapsed: '本行合计（唯一满足本行总计的读法）',
  columns: '本行合计（唯一满足本行总计的列位置）',
  subtotal: '本行合计（略去“法人或其他组织小计”一列后相符）',
};

interface Pick {
  values: (number | null)[];
  source: Reading['source'];
  pieces?: Reading['pieces'];
  subtotalAt?: number;
  confidence: number;
  alternatives: (number | null)[][];
  /** What settled the reading, for the evidence. */
  decidedBy: string;
}

/**
 * Chooses one candidate per row: the combination that satisfies the most column equations (rules 1 and 2) and
 * agrees with last year's 结转下年度 (this year's 上年结转, when the previous report is known), then agrees with
 * the narrative, then is most plausible.
 */
function solve(
  rows: RowCandidates[],
  singleOtherRow: boolean,
  narrative: readonly NarrativeFact[],
  lastCarriedForward: readonly (number | null)[] | null,
): Map<string, Pick> {
  const decided = choose(rows, singleOtherRow, narrative, lastCarriedForward);
  if (!lastCarriedForward) return decided;
  // Which rows only the previous year settled: those that have rivals when it is left out.
  const alone = choose(rows, singleOtherRow, narrative, null);
  for (const [key, pick] of decided)
    if (!pick.alternatives.length && (alone.get(key)?.alternatives.length ?? 0) > 0)
      decided.set(key, { ...pick, confidence: 0.9, decidedBy: '上一年度报告（本年上年结转 = 上年结转下年度）与表格的列合计' });
  return decided;
}

function choose(
  rows: RowCandidates[],
  singleOtherRow: boolean,
  narrative: readonly NarrativeFact[],
  lastCarriedForward: readonly (number | null)[] | null,
): Map<string, Pick> & { ruleScore?: number } {
  const keys = rows.map((r) => r.key);
  const index = new Map(keys.map((k, i) => [k, i]));
  const outcomeKeys = applicationRowKeys(singleOtherRow).filter((k) => APPLICATION_ROWS.find((r) => r.key === k)?.role === 'outcome');
  const received = narrative.filter((f) => f.kind === 'applicationsReceived').map((f) => f.value);
  const handled = narrative.filter((f) => f.kind === 'applicationsHandled').map((f) => f.value);

  const valuesOf = (i: number, k: number): (number | null)[] => rows[i]!.cells?.map((c) => c.value) ?? rows[i]!.candidates[k]!.values;
  const score = (choice: number[]): number => {
    const row = (k: string) => {
      const i = index.get(k);
      return i === undefined ? null : valuesOf(i, choice[i]!);
    };
    let s = 0;
    for (let c = 0; c < COLUMNS; c++) {
      // Blanks read as 0 here: agencies leave zeros blank, and only the arithmetic of the candidates is weighed.
      const v = (k: string) => row(k)?.[c] ?? 0;
      const nr = v('newReceived');
      const co = v('carriedOver');
      const tot = v('total');
      const cf = v('carriedForward');
      if (nr + co === tot + cf) s += 1;
      const outs = outcomeKeys.map(v);
      if (outs.reduce<number>((a, x) => a + x, 0) === tot) s += 1;
      const last = lastCarriedForward?.[c] ?? null;
      if (last !== null && co === last) s += 1;
    }
    const nrTotal = row('newReceived')?.[6] ?? null;
    const coTotal = row('carriedOver')?.[6] ?? null;
    if (nrTotal !== null && received.some((r) => r === nrTotal || (coTotal !== null && r === nrTotal + coTotal))) s += 0.5;
    const totTotal = row('total')?.[6] ?? null;
    if (totTotal !== null && handled.includes(totTotal)) s += 0.5;
    return s;
  };
  const readingPrior = (r: Reading) => r.prior ?? applicantRowPrior(r.values.map((x) => x ?? 0));
  const prior = (choice: number[]) => rows.reduce((s, r, i) => s + (r.candidates.length > 1 ? readingPrior(r.candidates[choice[i]!]!) : 0), 0);

  const ambiguous = rows.map((r, i) => (r.candidates.length > 1 ? i : -1)).filter((i) => i >= 0);
  let choice = rows.map(() => 0);
  // The combinations that satisfy the rules best; among them the most plausible is chosen.
  let winners: number[][] = [choice];
  const combos = ambiguous.reduce((p, i) => p * rows[i]!.candidates.length, 1);
  if (ambiguous.length && combos <= 200_000) {
    let bestRule = -Infinity;
    const cur = rows.map(() => 0);
    const rec = (a: number) => {
      if (a === ambiguous.length) {
        const s = score(cur);
        if (s > bestRule + 1e-9) {
          bestRule = s;
          winners = [[...cur]];
        } else if (Math.abs(s - bestRule) < 1e-9 && winners.length < 2000) winners.push([...cur]);
        return;
      }
      const i = ambiguous[a]!;
      for (let k = 0; k < rows[i]!.candidates.length; k++) {
        cur[i] = k;
        rec(a + 1);
      }
      cur[i] = 0;
    };
    rec(0);
    choice = winners.reduce((best, w) => (prior(w) > prior(best) ? w : best), winners[0]!);
  } else if (ambiguous.length) {
    // Too many combinations: improve one row at a time, starting from the most plausible splits.
    let improved = true;
    for (let pass = 0; improved && pass < 10; pass++) {
      improved = false;
      for (const i of ambiguous) {
        let bestK = choice[i]!;
        let bestS = score(choice);
        for (let k = 0; k < rows[i]!.candidates.length; k++) {
          const trial = [...choice];
          trial[i] = k;
          const s = score(trial);
          if (s > bestS) {
            bestS = s;
            bestK = k;
          }
        }
        if (bestK !== choice[i]) {
          choice[i] = bestK;
          improved = true;
        }
      }
    }
    // The rows' other readings that score as well with the rest of the table kept: this row's rivals.
    const best = score(choice);
    winners = [choice];
    for (const i of ambiguous)
      for (let k = 0; k < rows[i]!.candidates.length; k++) {
        if (k === choice[i]) continue;
        const trial = [...choice];
        trial[i] = k;
        if (Math.abs(score(trial) - best) < 1e-9) winners.push(trial);
      }
  }

  const out: Map<string, Pick> & { ruleScore?: number } = new Map<string, Pick>();
  out.ruleScore = score(choice);
  rows.forEach((r, i) => {
    if (!r.candidates.length) return;
    const { values, source, pieces, subtotalAt, refutedByRow } = r.candidates[choice[i]!]!;
    const printed = { values, source, ...(pieces ? { pieces } : {}), ...(subtotalAt !== undefined ? { subtotalAt } : {}) };
    const rivalsOf = () => {
      const rivals = winners.filter((w) => w[i] !== choice[i]).map((w) => r.candidates[w[i]!]!.values);
      return rivals.filter((c, k) => rivals.findIndex((d) => d.join() === c.join()) === k && c.join() !== values.join());
    };
    if (refutedByRow) {
      // No reading of the row adds up to its 总计: read as printed, less surely; the validator reports the sum.
      out.set(r.key, { ...printed, confidence: 0.5, alternatives: rivalsOf(), decidedBy: '没有满足本行总计的读法：按印出的数字依次展开，本行合计不符' });
      return;
    }
    if (r.candidates.length === 1) {
      // Settled by where the values are printed, or as the only reading that satisfies the row's own 总计.
      out.set(
        r.key,
        r.byPosition
          ? { ...printed, confidence: 0.9, alternatives: [], decidedBy: '数字在页面上的位置（所在的表头列）' }
          : { ...printed, confidence: 0.95, alternatives: [], decidedBy: singleReadingReason[source] },
      );
      return;
    }
    // Other readings of this row that satisfy the rules just as well.
    const unique = rivalsOf();
    out.set(r.key, {
      ...printed,
      confidence: unique.length ? 0.5 : 0.9,
      alternatives: unique,
      decidedBy: unique.length ? '无法唯一确定：多种读法同样满足表格的合计，取最常见的一种' : '表格的列合计与勾稽关系（唯一满足全部规则的读法）',
    });
  });
  return out;
}
