import { SECTION_HEADINGS } from '@ogi/domain';
import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '.';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('message catalogues', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(keys(MESSAGES.en).sort()).toEqual(keys(MESSAGES['zh-CN']).sort());
    for (const locale of Object.values(MESSAGES)) for (const key of keys(locale)) expect(translate(locale, key as never)).not.toBe('');
  });

  it('take the printed section headings from the shared layout', () => {
    expect(MESSAGES['zh-CN'].report.sections).toEqual(SECTION_HEADINGS);
  });

  it('fill placeholders and leave unknown ones as written', () => {
    expect(translate(MESSAGES['zh-CN'], 'timeliness.late', { days: 12 })).toBe('逾期 12 天');
    expect(translate(MESSAGES.en, 'timeliness.late', { days: 12 })).toBe('12 days late');
    expect(translate(MESSAGES.en, 'timeliness.late')).toBe('{days} days late');
  });

  it('count one report, or several, in English', () => {
    expect(translate(MESSAGES.en, 'kpi.basisReports', { count: 1 })).toBe('1 report');
    expect(translate(MESSAGES.en, 'kpi.basisReports', { count: '3,153' })).toBe('3,153 reports');
    expect(translate(MESSAGES.en, 'kpi.basisStated', { stated: 0, total: 1 })).toBe('stated in 0 of 1 report');
    expect(translate(MESSAGES.en, 'timeliness.late', { days: 1 })).toBe('1 day late');
    expect(translate(MESSAGES['zh-CN'], 'kpi.basisReports', { count: 1 })).toBe('1 份报告');
  });
});
