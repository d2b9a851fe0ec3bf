import { inject, provide, type InjectionKey, type Ref } from 'vue';

/**
 * Which table cell of a report the reader has picked (by click or Enter), shared by the report page and every
 * cell without threading it through each table. The report page provides it; a cell outside one (a unit
 * test of a table alone) simply has nothing to select. Further cell actions (corrections) can join here.
 */
export interface CellSelection {
  selected: Readonly<Ref<string | null>>;
  select(path: string): void;
}

const KEY: InjectionKey<CellSelection> = Symbol('cell-selection');

export function provideCellSelection(selection: CellSelection): void {
  provide(KEY, selection);
}

export function useCellSelection(): CellSelection | null {
  return inject(KEY, null);
}
