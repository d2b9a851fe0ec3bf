import { describe, expect, it } from 'vitest';
import { virtualWindow } from './use-virtual-rows';

describe('virtual window', () => {
  it('renders only the rows in view plus a margin, and stands in for the rest with padding', () => {
    const w = virtualWindow(3000, 36, 36 * 1000, 360, 5);
    expect(w.start).toBe(995);
    expect(w.end).toBe(1000 + 11 + 5);
    expect(w.padTop).toBe(995 * 36);
    expect(w.padTop + (w.end - w.start) * 36 + w.padBottom).toBe(3000 * 36);
  });

  it('clamps at the top and the bottom of the list', () => {
    expect(virtualWindow(3000, 36, 0, 360, 5)).toMatchObject({ start: 0, padTop: 0 });
    const bottom = virtualWindow(3000, 36, 3000 * 36, 360, 5);
    expect(bottom.end).toBe(3000);
    expect(bottom.padBottom).toBe(0);
  });

  it('renders nothing for an empty list', () => {
    expect(virtualWindow(0, 36, 0, 360)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});
