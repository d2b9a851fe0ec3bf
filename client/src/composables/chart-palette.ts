import type { OutcomeGroup } from '@ogi/domain';

/** The product's series colours: the brand blue first, then colours that stay apart for colour-blind readers. */
export const PALETTE = ['#1f4e79', '#d68910', '#2f7d4f', '#8e44ad', '#c0392b', '#17a2b8', '#7f8c8d', '#b9770e', '#5d6d7e', '#e67e22', '#27ae60', '#34495e'];

/** One colour per outcome, from "disclosed" (green) to "not disclosed" (red) to procedural endings (greys). */
export const OUTCOME_COLOURS: Record<OutcomeGroup, string> = {
  granted: '#2f7d4f',
  partiallyGranted: '#6aa84f',
  withheld: '#c0392b',
  unableToProvide: '#d68910',
  notProcessed: '#7f8c8d',
  otherHandling: '#5d6d7e',
};
