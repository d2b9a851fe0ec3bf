/**
 * The section 三 table as the official format prints it, computed from the rows a report has.
 *
 * Label area: three columns. 一/二/四 span all three; 三、本年度办理结果 is one vertical cell spanning every
 * outcome row and （七）总计; （一）（二）（七） and a one-row （六） span the last two columns; the rows of
 * （三）（四）（五） and a three-row （六） sit under a group label that spans them.
 */
import { APPLICATION_ROW_BY_KEY, OUTCOME_GROUP_LABELS, type OutcomeGroup } from '@ogi/domain';
import type { Bilingual } from '../../composables/use-i18n';
import { type ApplicationRowResult, type CellResult } from '../../graphql/api';

/** A label cell: a piece of printed text, or the vertical 三、本年度办理结果 heading (worded by the locale). */
export type LabelCell = { rowspan: number; colspan: number; scope: 'row' | 'rowgroup' } & ({ kind: 'text'; text: Bilingual } | { kind: 'outcomesHeading' });

export interface ApplicationsTableRow {
  key: string;
  labels: LabelCell[];
  values: (number | null)[];
  cells: (CellResult | null)[];
}

export const LABEL_COLUMNS = 3;
/** Outcome groups printed as a label over numbered sub-rows. */
const GROUPED: ReadonlySet<OutcomeGroup> = new Set(['withheld', 'unableToProvide', 'notProcessed', 'otherHandling']);

function rowText(row: ApplicationRowResult): Bilingual {
  const def = APPLICATION_ROW_BY_KEY.get(row.key);
  return def ? { label: `${def.number}${def.label}`, en: def.en } : { label: `${row.number}${row.label}`, en: row.label };
}

/** The outcome group a row is printed under, or null when it spans the group and label columns itself. */
function subRowGroup(key: string): OutcomeGroup | null {
  const def = APPLICATION_ROW_BY_KEY.get(key);
  if (!def?.group || !GROUPED.has(def.group)) return null;
  return key === 'otherHandling' ? null : def.group; // （六） printed as one row (2019, and some 2021 reports)
}

const isOutcomeBlock = (key: string) => {
  const role = APPLICATION_ROW_BY_KEY.get(key)?.role;
  return role === 'outcome' || role === 'total';
};

export function layoutApplicationsTable(rows: readonly ApplicationRowResult[]): ApplicationsTableRow[] {
  const outcomeCount = rows.filter((r) => isOutcomeBlock(r.key)).length;
  let outcomesHeadingPlaced = false;

  return rows.map((row, i) => {
    const labels: LabelCell[] = [];
    if (!isOutcomeBlock(row.key)) {
      labels.push({ kind: 'text', text: rowText(row), rowspan: 1, colspan: LABEL_COLUMNS, scope: 'row' });
    } else {
      if (!outcomesHeadingPlaced) {
        labels.push({ kind: 'outcomesHeading', rowspan: outcomeCount, colspan: 1, scope: 'rowgroup' });
        outcomesHeadingPlaced = true;
      }
      const group = subRowGroup(row.key);
      if (group === null) {
        labels.push({ kind: 'text', text: rowText(row), rowspan: 1, colspan: LABEL_COLUMNS - 1, scope: 'row' });
      } else {
        if (subRowGroup(rows[i - 1]?.key ?? '') !== group) {
          let span = 1;
          while (subRowGroup(rows[i + span]?.key ?? '') === group) span++;
          const g = OUTCOME_GROUP_LABELS[group];
          labels.push({ kind: 'text', text: { label: `${g.number}${g.label}`, en: g.en }, rowspan: span, colspan: 1, scope: 'rowgroup' });
        }
        labels.push({ kind: 'text', text: rowText(row), rowspan: 1, colspan: 1, scope: 'row' });
      }
    }
    return { key: row.key, labels, values: row.values, cells: row.cells };
  });
}
