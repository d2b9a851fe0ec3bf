/** The hostile suite's figures, printed so CI logs show them (peak memory, lockout, latency, counts). */
export function printFigure(name: string, value: string | number): void {
  process.stdout.write(`[hostile] ${name}: ${value}\n`);
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
