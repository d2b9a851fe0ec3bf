import { inject, provide, reactive, readonly, type InjectionKey } from 'vue';

/**
 * One tooltip per page for table cells: a cell asks to show its lines (blank-cell note, finding messages)
 * on hover or focus; the tooltip sits under the cell and the cell points at it with aria-describedby.
 */
export interface CellTooltipState {
  id: string;
  visible: boolean;
  lines: string[];
  /** The element the tooltip describes. */
  owner: HTMLElement | null;
  x: number;
  y: number;
}

export interface CellTooltip {
  state: Readonly<CellTooltipState>;
  show(owner: HTMLElement, lines: string[]): void;
  hide(owner?: HTMLElement): void;
  /** Follows the owner after a scroll or resize. */
  reposition(): void;
}

const KEY: InjectionKey<CellTooltip> = Symbol('cell-tooltip');
let counter = 0;

export function provideCellTooltip(): CellTooltip {
  const state = reactive<CellTooltipState>({ id: `cell-tooltip-${++counter}`, visible: false, lines: [], owner: null, x: 0, y: 0 });
  const api: CellTooltip = {
    state: readonly(state) as Readonly<CellTooltipState>,
    show(owner, lines) {
      if (!lines.length) return;
      state.owner = owner;
      state.lines = lines;
      api.reposition();
      state.visible = true;
    },
    reposition() {
      if (!state.owner) return;
      const box = state.owner.getBoundingClientRect();
      state.x = box.left;
      state.y = box.bottom + 4;
    },
    hide(owner) {
      if (owner && state.owner !== owner) return;
      state.visible = false;
      state.owner = null;
    },
  };
  provide(KEY, api);
  return api;
}

export function useCellTooltip(): CellTooltip | null {
  return inject(KEY, null);
}
