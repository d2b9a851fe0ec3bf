import { describe, expect, it } from 'vitest';
import { type AuditEntryResult } from '../graphql/api';
import { AUDIT_ACTIONS } from '@ogi/domain';
import { en } from '../locales/en';
import { zhCN } from '../locales/zh-CN';
import { auditRows, auditValue, type AuditWording } from './audit-log.model';

const w: AuditWording = {
  action: (a) =>
    ({ 'cell.corrected': '更正单元格', 'report.reparsed': '重新解析', 'cell.correctionStale': '更正失效', 'database.restored': '数据库恢复' })[a as string] ??
    a,
  blank: '空白',
  number: (n) => n.toLocaleString('zh-CN'),
  date: (d) => d.slice(0, 10),
  reparsed: (p) => `${p.changed} 个单元格改变，${p.reapplied} 项更正重新应用，${p.stale} 项失效`,
  carried: (p) => `沿用自报告 #${p.fromReportId}`,
  stale: (p) => `原文由“${p.before}”变为“${p.now}”`,
  reapplied: (p) => `原文仍为“${p.now}”`,
  restored: (p) => `从 ${p.file} 恢复（${p.at}）`,
  supersedes: '取代此前的更正',
};

const entry = (e: Partial<AuditEntryResult>): AuditEntryResult => ({
  id: '1',
  action: 'cell.corrected',
  actor: 'editor1',
  at: '2026-11-28T10:00:00.000Z',
  reportId: '7',
  cellPath: 'applications.newReceived[6]',
  before: '29',
  after: '30',
  reason: '核对原件',
  detail: '{}',
  ...e,
});

describe('the audit log as people read it', () => {
  it('shows a correction as who, what, the value before and after, and why', () => {
    const [row] = auditRows([entry({ detail: '{"correctionId":3,"supersedes":2}' })], w);
    expect(row).toMatchObject({ actor: 'editor1', action: '更正单元格', before: '29', after: '30', reason: '核对原件', note: '取代此前的更正' });
  });

  it('says blank for null, keeps strings (parser versions) and large numbers readable', () => {
    expect(auditValue('null', w)).toBe('空白');
    expect(auditValue('"parser-1.4.0"', w)).toBe('parser-1.4.0');
    expect(auditValue('3119', w)).toBe('3,119');
    expect(auditValue(null, w)).toBe('');
  });

  it('sums up what a re-parse, a stale correction and a restore did from their detail', () => {
    const rows = auditRows(
      [
        entry({
          action: 'report.reparsed',
          cellPath: null,
          before: '"1.0.0"',
          after: '"1.1.0"',
          reason: null,
          detail: '{"changedCount":4,"correctionsReapplied":1,"correctionsStale":2}',
        }),
        entry({ action: 'cell.correctionStale', detail: '{"printedBefore":"2O","printedNow":"26"}' }),
        entry({
          action: 'database.restored',
          reportId: null,
          cellPath: null,
          before: null,
          after: null,
          reason: null,
          detail: '{"file":"ogi.backup.gz","backupCreatedAt":"2026-11-01T08:00:00Z"}',
        }),
      ],
      w,
    );
    expect(rows.map((r) => [r.action, r.note])).toEqual([
      ['重新解析', '4 个单元格改变，1 项更正重新应用，2 项失效'],
      ['更正失效', '原文由“2O”变为“26”'],
      ['数据库恢复', '从 ogi.backup.gz 恢复（2026-11-01）'],
    ]);
    expect(rows[0]!.reason).toBe('');
  });

  it('shows an action it does not know by its code rather than hiding it', () => {
    expect(auditRows([entry({ action: 'agency.merged', detail: 'not json' })], w)[0]!.action).toBe('agency.merged');
  });
});

describe('the wording of every action the server logs', () => {
  it('exists in Chinese and English for each audit action code', () => {
    const wordingAt = (messages: unknown, action: string) =>
      ['audit', 'actions', ...action.split('.')].reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);
    for (const action of AUDIT_ACTIONS) {
      expect(typeof wordingAt(zhCN, action), `zh-CN audit.actions.${action}`).toBe('string');
      expect(typeof wordingAt(en, action), `en audit.actions.${action}`).toBe('string');
    }
  });
});
