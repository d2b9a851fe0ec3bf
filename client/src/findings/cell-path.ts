/** Human names for cell paths: `applications.newReceived[0]` → 一、本年新收… · 自然人. */
import { APPLICANT_COLUMNS, APPLICATION_ROW_BY_KEY, DISCLOSURE_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, TEMPLATES, type Template } from '@ogi/domain';
import type { Bilingual } from '../composables/use-i18n';

const INDEXED = /^(applications|reviewLitigation)\.(.+)\[(\d+)\]$/;
const FIELD = /^activeDisclosure\.([^.]+)\.([^.]+)$/;

/** Drops the printed explanation in brackets: （二）部分公开（区分处理的…） → （二）部分公开. */
const short = (label: string) => label.replace(/（[^）]*情形[^）]*）$/, '');

export function describeCellPath(path: string, template: string): Bilingual | null {
  const indexed = INDEXED.exec(path);
  if (indexed) {
    const [, section, row, col] = indexed;
    const column = (section === 'applications' ? APPLICANT_COLUMNS : REVIEW_COLUMNS)[Number(col)];
    if (!column || !row) return null;
    if (section === 'applications') {
      const def = APPLICATION_ROW_BY_KEY.get(row);
      if (!def) return null;
      return { label: `${def.number}${short(def.label)} · ${column.label}`, en: `${def.en} · ${column.en}` };
    }
    const group = REVIEW_GROUPS.find((g) => g.key === row);
    return group ? { label: `${group.label} · ${column.label}`, en: `${group.en} · ${column.en}` } : null;
  }
  const field = FIELD.exec(path);
  if (field) {
    // The report's own format first; a list across reports (which does not know each one's format) finds a
    // field of the other format there, so that no reader ever sees the raw path.
    const own: Template = (TEMPLATES as readonly string[]).includes(template) ? (template as Template) : '2021';
    for (const t of [own, ...TEMPLATES.filter((x) => x !== own)]) {
      const row = DISCLOSURE_ROWS[t].find((r) => r.key === field[1]);
      const f = row?.fields.find((x) => x.key === field[2]);
      if (row && f) return { label: `${row.label} · ${f.label}`, en: `${row.en} · ${f.en}` };
    }
  }
  return null;
}
