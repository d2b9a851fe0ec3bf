import { describe, expect, it } from 'vitest';
import { boundFromForm, boundToForm, breakdownCaption, breakdownChart, documentUrl, followUpActions, trendChart } from './briefing.model';

const text = { received: '新收', handled: '办结', disclosureRate: '公开率', onTimeRate: '按时', countAxis: '件', yearLabel: (y: number) => `${y}年` };

describe('the briefing page', () => {
  it('links the DOCX files of the year and scope', () => {
    expect(documentUrl('briefing', 2024, null)).toBe('/api/briefing.docx?year=2024');
    expect(documentUrl('notice', 2023, '17')).toBe('/api/notice.docx?year=2023&parentId=17&includeDescendants=true');
  });

  it('draws the trend from the briefing, rates in per cent, with the numbers as a table', () => {
    const chart = trendChart(
      {
        trend: [
          { year: 2023, metric: 'applications.new', value: 112, reportsCounted: 4 },
          { year: 2024, metric: 'applications.new', value: 250, reportsCounted: 5 },
          { year: 2024, metric: 'outcomes.disclosureRate', value: 0.625, reportsCounted: 5 },
        ],
      } as never,
      text,
    );
    expect(chart.table.rows).toEqual([
      [2023, 112, null, null, null],
      [2024, 250, null, 62.5, null],
    ]);
    expect((chart.option.xAxis as { data: string[] }).data).toEqual(['2023年', '2024年']);
  });

  it('draws a breakdown with a count as bars over its full table, and none when no part has a count', () => {
    const words = { countAxis: '件', barLabel: (v: number) => `${v} 件`, part: '类别', count: '件数', share: '占比' };
    const basis = { reportsCounted: 1, agenciesCovered: 1, agenciesExpected: 1, reportsContradicted: 0, reportsUncertain: 0 };
    const parts = [
      { labelZh: '国家秘密', labelEn: 'State secrets', value: 2, share: 0.25, ...basis },
      { labelZh: '内部事务信息', labelEn: 'Internal affairs', value: 6, share: 0.75, ...basis },
      { labelZh: '过程性信息', labelEn: 'Process information', value: 0, share: 0, ...basis },
    ];
    const chart = breakdownChart(parts, (p) => p.labelEn, words)!;
    // Bars for the two parts with a count, the larger on top (last on the category axis); the table keeps all three.
    expect((chart.option.yAxis as { data: string[] }).data).toEqual(['State secrets', 'Internal affairs']);
    expect(chart.table.rows).toEqual([
      ['State secrets', 2, 25],
      ['Internal affairs', 6, 75],
      ['Process information', 0, 0],
    ]);
    expect(chart.table.columns).toEqual(['类别', '件数', '占比 (%)']);
    expect(
      breakdownChart(
        parts.map((p) => ({ ...p, value: 0 })),
        (p) => p.labelZh,
        words,
      ),
    ).toBeNull();
  });

  it('states under a breakdown chart the reports and agencies it rests on and the doubtful reports', () => {
    const words = {
      coverage: (r: number, c: number, e: number) => `依据 ${r} 份报告，覆盖 ${c}/${e} 个机关；`,
      doubtful: (n: number) => `单项中最多 ${n} 份报告的数值存疑。`,
      noDoubt: () => '各项均无存疑报告。',
    };
    const part = (reportsCounted: number, agenciesCovered: number, reportsContradicted: number, reportsUncertain = 0) => ({
      labelZh: '维持',
      labelEn: 'Upheld',
      value: 1,
      share: null,
      reportsCounted,
      agenciesCovered,
      agenciesExpected: 6,
      reportsContradicted,
      reportsUncertain,
    });
    // One report of four contradicted in every review part (its 总计 printed 0): one doubtful report, not one per part.
    expect(breakdownCaption([part(4, 6, 1), part(4, 6, 1), part(4, 6, 1)], words)).toBe('依据 4 份报告，覆盖 6/6 个机关；单项中最多 1 份报告的数值存疑。');
    expect(breakdownCaption([part(3, 5, 0), part(2, 2, 0)], words)).toBe('依据 3 份报告，覆盖 5/6 个机关；各项均无存疑报告。');
    expect(breakdownCaption([], words)).toBeNull();
  });

  it('enters rate thresholds in per cent and sends them as 0–1', () => {
    expect(boundToForm('outcomes.substantiveDisclosureRate', 0.45)).toBe(45);
    expect(boundFromForm('outcomes.substantiveDisclosureRate', 42.5)).toBe(0.425);
    expect(boundFromForm('applications.new', 30)).toBe(30);
  });

  it('offers editors the status changes and a department only its answer', () => {
    expect(followUpActions('editor', 'pending')).toEqual(['remind', 'resolve', 'exempt', 'notes', 'contact', 'answer']);
    expect(followUpActions('editor', 'resolved')).toEqual(['notes', 'contact', 'answer']);
    expect(followUpActions('department', 'reminded')).toEqual(['answer']);
    expect(followUpActions('viewer', 'pending')).toEqual([]);
  });
});
