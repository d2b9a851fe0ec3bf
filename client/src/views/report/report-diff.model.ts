/**
 * The diff of two versions of a report, as the page lists it: each changed property and cell in words, old → new.
 * Pure: the page passes the wording of the current language.
 */
import { type CellChangeResult, type FieldChangeResult } from '../../graphql/api';

export interface DiffWording {
  /** publishedOn → 公布日期 … */
  fieldName(field: string): string;
  /** A property the version does not state (no publication date…). */
  notStated: string;
  /** A cell printed blank. */
  blank: string;
  /** A cell the version has no such row for (e.g. a row of another format). */
  absent: string;
  date(isoDate: string): string;
  /** Days late; 0 = on time. */
  daysLate(days: number): string;
  template(template: string): string;
  scope(scope: string): string;
  number(value: number): string;
  /** The Chinese or English label of a cell, in the current language. */
  pick(zh: string, en: string): string;
}

export interface DiffRow {
  key: string;
  name: string;
  from: string;
  to: string;
  /** For cells with a number on both sides: new − old, signed ("+3", "−2"). */
  delta: string | null;
}

function fieldValue(field: string, value: string | null, w: DiffWording): string {
  if (value === null || value === '') return w.notStated;
  switch (field) {
    case 'publishedOn':
      return w.date(value);
    case 'daysLate': {
      const n = Number(value);
      return Number.isFinite(n) ? w.daysLate(n) : value;
    }
    case 'template':
      return w.template(value);
    case 'scope':
      return w.scope(value);
    default:
      return value;
  }
}

export function fieldRows(fields: readonly FieldChangeResult[], w: DiffWording): DiffRow[] {
  return fields.map((f) => ({ key: f.field, name: w.fieldName(f.field), from: fieldValue(f.field, f.from, w), to: fieldValue(f.field, f.to, w), delta: null }));
}

const cellValue = (value: number | null, raw: string | null, w: DiffWording) =>
  raw === null && value === null ? w.absent : value === null ? w.blank : w.number(value);

/** Changed cells in printed order (as the server lists them), with the change where both sides are numbers. */
export function cellRows(cells: readonly CellChangeResult[], w: DiffWording): DiffRow[] {
  return cells.map((c) => {
    const both = c.fromValue !== null && c.toValue !== null;
    const d = both ? c.toValue! - c.fromValue! : null;
    // Money has decimals: round away floating-point noise before showing the difference.
    const rounded = d === null ? null : Math.round(d * 1e6) / 1e6;
    return {
      key: c.path,
      name: w.pick(c.label, c.labelEn),
      from: cellValue(c.fromValue, c.fromRaw, w),
      to: cellValue(c.toValue, c.toRaw, w),
      delta: rounded === null || rounded === 0 ? null : `${rounded > 0 ? '+' : '−'}${w.number(Math.abs(rounded))}`,
    };
  });
}

/** Which two versions to compare by default: the one shown against the one before it (or after it, for the first). */
export function defaultDiffPair(versions: readonly { id: string; version: number }[], shownId: string): { fromId: string; toId: string } | null {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const i = ordered.findIndex((v) => v.id === shownId);
  if (ordered.length < 2 || i < 0) return null;
  return i > 0 ? { fromId: ordered[i - 1]!.id, toId: shownId } : { fromId: shownId, toId: ordered[1]!.id };
}
