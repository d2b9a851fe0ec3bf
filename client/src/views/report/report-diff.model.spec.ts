import { describe, expect, it } from 'vitest';
import { cellRows, defaultDiffPair, fieldRows, type DiffWording } from './report-diff.model';

const zh: DiffWording = {
  fieldName: (f) => ({ publishedOn: '公布日期', daysLate: '时效', template: '格式版本', scope: '统计范围', printedAgencyName: '报告所署名称' })[f] ?? f,
  notStated: '未注明',
  blank: '空白',
  absent: '无此项',
  date: (d) => `日期 ${d}`,
  daysLate: (n) => (n === 0 ? '按时' : `逾期 ${n} 天`),
  template: (t) => `${t} 版`,
  scope: (s) => ({ self: '本机关', region_aggregate: '本地区汇总' })[s] ?? s,
  number: (n) => String(n),
  pick: (zhText) => zhText,
};

describe('the diff of two report versions', () => {
  it('names each changed property and shows old → new in words', () => {
    const rows = fieldRows(
      [
        { field: 'publishedOn', from: null, to: '2024-01-20' },
        { field: 'daysLate', from: '12', to: '0' },
        { field: 'scope', from: 'self', to: 'region_aggregate' },
        { field: 'template', from: '2019', to: '2021' },
      ],
      zh,
    );
    expect(rows.map((r) => [r.name, r.from, r.to])).toEqual([
      ['公布日期', '未注明', '日期 2024-01-20'],
      ['时效', '逾期 12 天', '按时'],
      ['统计范围', '本机关', '本地区汇总'],
      ['格式版本', '2019 版', '2021 版'],
    ]);
  });

  it('lists changed cells by their printed label, with the difference where both are numbers', () => {
    const rows = cellRows(
      [
        { path: 'applications.newReceived[6]', label: '一、本年新收 · 总计', labelEn: 'New · Total', fromValue: 29, toValue: 31, fromRaw: '29', toRaw: '31' },
        { path: 'applications.granted[6]', label: '（一）予以公开 · 总计', labelEn: 'Granted · Total', fromValue: 20, toValue: 19, fromRaw: '20', toRaw: '19' },
        { path: 'activeDisclosure.fees.amountWan', label: '收费 · 金额', labelEn: 'Fees · Amount', fromValue: 0.1, toValue: 0.3, fromRaw: '0.1', toRaw: '0.3' },
        { path: 'reviewLitigation.review[4]', label: '行政复议 · 总计', labelEn: 'Review · Total', fromValue: 3, toValue: null, fromRaw: '3', toRaw: '' },
        {
          path: 'applications.otherHandling.undivided[6]',
          label: '其他处理 · 总计',
          labelEn: 'Other · Total',
          fromValue: null,
          toValue: 2,
          fromRaw: null,
          toRaw: '2',
        },
      ],
      zh,
    );
    expect(rows.map((r) => [r.name, r.from, r.to, r.delta])).toEqual([
      ['一、本年新收 · 总计', '29', '31', '+2'],
      ['（一）予以公开 · 总计', '20', '19', '−1'],
      ['收费 · 金额', '0.1', '0.3', '+0.2'],
      ['行政复议 · 总计', '3', '空白', null],
      ['其他处理 · 总计', '无此项', '2', null],
    ]);
  });

  it('compares the version shown with the one before it, or the first with the second', () => {
    const versions = [
      { id: '30', version: 3 },
      { id: '20', version: 2 },
      { id: '10', version: 1 },
    ];
    expect(defaultDiffPair(versions, '30')).toEqual({ fromId: '20', toId: '30' });
    expect(defaultDiffPair(versions, '10')).toEqual({ fromId: '10', toId: '20' });
    expect(defaultDiffPair([{ id: '10', version: 1 }], '10')).toBeNull();
  });
});
