/**
 * Reading one printed value: a number, a printed zero, a blank, a "not applicable" mark, or other text.
 * "—", "/", "无" and blanks are not zero (parsed-report.md); money carries its unit (元, 万元).
 */
import type { CellState } from '@ogi/domain';

export interface ReadValue {
  value: number | null;
  state: CellState;
  /** 元 or 万元 when printed after the number. */
  unit?: '元' | '万元';
}

const NA = /^(—+|–+|-+|－+|\/|／|无|空|暂无|不适用|n\/?a)$/i;
/** What may follow a printed number in a cell: money units, count words ("14069件"), a percent sign. */
const UNIT_SUFFIX = '(万元|元|件|个|条|%)';
const NUMBER = new RegExp(`^([+\\-−－]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*${UNIT_SUFFIX}?$`);
/** A cell's whole text that is a value: digits and signs, an optional unit (blank and the not-applicable marks apart). */
const VALUE_TEXT = new RegExp(`^[0-9.,+\\-−－—–/／\\s]*${UNIT_SUFFIX}?$`);

export function readValue(raw: string): ReadValue {
  const s = raw.replace(/\s+/g, '');
  if (!s) return { value: null, state: 'EMPTY' };
  if (NA.test(s)) return { value: null, state: 'NA' };
  const m = NUMBER.exec(s);
  if (!m) return { value: null, state: 'TEXT' };
  const sign = m[1] && m[1] !== '+' ? -1 : 1;
  const value = sign * Number(`${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`);
  const unit = m[4] === '元' || m[4] === '万元' ? m[4] : undefined;
  const out: ReadValue = { value, state: value === 0 ? 'ZERO' : 'NUMERIC' };
  if (unit) out.unit = unit;
  return out;
}

/** Characters a printed value may consist of; a run of them between labels is a value run. */
export const VALUE_CHAR = /[0-9.,+\-−－—–/／ ]/;

export function isValueText(s: string): boolean {
  const t = s.trim();
  return t === '' || NA.test(t.replace(/\s+/g, '')) || VALUE_TEXT.test(t);
}
