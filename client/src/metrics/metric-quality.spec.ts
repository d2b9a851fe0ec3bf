import { describe, expect, it } from 'vitest';
import { describedTooltip, isDoubtful, qualityMark } from './metric-quality';

describe('quality marks', () => {
  it('marks every state but verified, and calls contradicted and uncertain values doubtful', () => {
    expect(qualityMark('VERIFIED')).toBeNull();
    expect(qualityMark(undefined)).toBeNull();
    expect(qualityMark('CONTRADICTED')).toEqual({ symbol: '⚠', tone: 'error' });
    expect(qualityMark('SELF_REPORTED')?.symbol).toBe('述');
    expect(['VERIFIED', 'UNVERIFIABLE', 'CONTRADICTED', 'UNCERTAIN', 'CORRECTED', 'SELF_REPORTED'].filter((q) => isDoubtful(q as never))).toEqual([
      'CONTRADICTED',
      'UNCERTAIN',
    ]);
  });
});

describe('chart tooltips', () => {
  const text = {
    scope: (s: string) => `口径：${({ self: '本机关', region_aggregate: '本地区汇总' } as Record<string, string>)[s]}`,
    quality: (q: string) => `质量：${({ VERIFIED: '已核验', CONTRADICTED: '表内矛盾' } as Record<string, string>)[q]}`,
    formatValue: (v: number | null) => (v === null ? '—' : `${v} 件`),
  };

  it('names the value, its mark, its scope and its quality state in words, one line each', () => {
    const format = describedTooltip(text as never);
    const out = format([
      {
        axisValueLabel: '2023 年',
        seriesName: '申请量',
        marker: '●',
        value: 14,
        data: { value: 14, quality: 'CONTRADICTED', scope: 'self', notes: ['印 0，分项合计 11'] },
      },
      { axisValueLabel: '2023 年', seriesName: '办理量', marker: '●', value: 3, data: { value: 3, quality: 'VERIFIED', scope: 'region_aggregate' } },
    ]);
    expect(out.split('<br/>')).toEqual([
      '<b>2023 年</b>',
      '●申请量：14 件 ⚠',
      '<span style="opacity:.8">口径：本机关 · 质量：表内矛盾 · 印 0，分项合计 11</span>',
      '●办理量：3 件',
      '<span style="opacity:.8">口径：本地区汇总 · 质量：已核验</span>',
    ]);
  });

  it('shows a missing value as a dash, adds footer lines, and never lets a name be markup', () => {
    const format = describedTooltip(text as never, (i) => [`第 ${i} 项 <覆盖 3/5>`]);
    expect(format({ name: '<img src=x>局', seriesName: '件', value: '-', dataIndex: 2, data: { value: '-' } })).toBe(
      '<b>&lt;img src=x&gt;局</b><br/>件：—<br/>第 2 项 &lt;覆盖 3/5&gt;',
    );
  });
});
