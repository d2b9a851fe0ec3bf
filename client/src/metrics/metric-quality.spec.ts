import { describe, expect, it } from 'vitest';
import { isDoubtful, qualityMark } from './metric-quality';

describe('quality marks', () => {
  it('marks every state but verified, and calls contradicted and uncertain values doubtful', () => {
    expect(qualityMark('VERIFIED')).toBeNull();
    expect(qualityMark(undefined)).toBeNull();
    expect(qualityMark('CONTRADICTED')).toEqual({ symbol: '⚠', tone: 'error' });
    expect(qualityMark('SELF_REPORTED')?.symbol).toBe('述');
    expect(['VERIFIED', 'UNVERIFIABLE', 'CONTRADICTED', 'UNCERTAIN', 'CORRECTED', 'SELF_REPORTED'].filter((q) => isDoubtful(q as never))).toEqual(['CONTRADICTED', 'UNCERTAIN']);
  });
});
