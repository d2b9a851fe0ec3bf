/** Axis choices every chart shares, as pure functions of the data. */

/**
 * Every year from the first to the last given, oldest first: a year without data stays on the axis as a gap,
 * so a trend never silently joins 2020 to 2022.
 */
export function yearSpan(years: Iterable<number>): number[] {
  const list = [...years];
  if (!list.length) return [];
  const first = Math.min(...list);
  const last = Math.max(...list);
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/**
 * The top of a percent axis (0–100 %) for the rates drawn on it: 100 when they reach past half, otherwise the
 * next round ten above the highest with some room, so rates near 10 % are not flattened against the floor.
 * Takes ECharts' axis extent (`max: rateAxisMax`).
 */
export function rateAxisMax(extent: { max: number }): number {
  const max = Number.isFinite(extent.max) ? extent.max : 0;
  if (max > 50) return 100;
  return Math.max(10, Math.ceil((max * 1.2) / 10) * 10);
}
