import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-formats';

describe('shared Intl formatters', () => {
  it('makes one formatter per locale and options, and formats as a new one would', () => {
    const a = numberFormat('zh-CN', { maximumFractionDigits: 1 });
    expect(numberFormat('zh-CN', { maximumFractionDigits: 1 })).toBe(a);
    expect(numberFormat('zh-CN', { maximumFractionDigits: 2 })).not.toBe(a);
    expect(numberFormat('en-GB', { maximumFractionDigits: 1 })).not.toBe(a);
    expect(a.format(12345.67)).toBe('12,345.7');
    expect(numberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(0.1234)).toBe('12.3%');
  });

  it('does the same for dates', () => {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
    expect(dateTimeFormat('zh-CN', options)).toBe(dateTimeFormat('zh-CN', { ...options }));
    expect(dateTimeFormat('zh-CN', options).format(Date.UTC(2026, 0, 31))).toBe('2026年1月31日');
  });
});
