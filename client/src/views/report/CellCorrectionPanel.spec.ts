import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import CellCorrectionPanel from './CellCorrectionPanel.vue';

const CELL = {
  path: 'applications.newReceived[6]',
  value: 30,
  state: 'NUMERIC' as const,
  raw: '29',
  confidence: 1,
  alternatives: null,
  sourceStart: 10,
  sourceEnd: 12,
  sourcePage: null,
  corrected: true,
  originalValue: 29,
  correction: { id: '1', value: 30, reason: '核对原件为 30', by: 'editor1', at: '2026-11-28T10:00:00.000Z' },
};

const CORRECTIONS = {
  data: {
    report: {
      id: '7',
      corrections: [
        {
          id: '1',
          path: 'applications.newReceived[6]',
          value: 30,
          originalValue: 29,
          originalRaw: '29',
          reason: '核对原件为 30',
          status: 'active',
          by: 'editor1',
          at: '2026-11-28T10:00:00.000Z',
        },
      ],
    },
  },
};

/** The API: the corrections query, then what the test says for the mutation; every request is recorded. */
function api(mutationAnswer: unknown) {
  const calls: { query: string; variables: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      const body = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
      calls.push(body);
      return new Response(JSON.stringify(body.query.includes('mutation') ? mutationAnswer : CORRECTIONS), { status: 200 });
    }),
  );
  return calls;
}

async function mountPanel() {
  const { wrapper } = await mountInApp(CellCorrectionPanel, { props: { reportId: '7', template: '2019', cell: CELL } });
  await flushPromises();
  return wrapper;
}

afterEach(() => vi.unstubAllGlobals());

describe('correcting a cell', () => {
  it('shows the correction in force: the value, what the parser read, who, and why', async () => {
    api({});
    const wrapper = await mountPanel();
    const note = wrapper.get('[data-testid="correction-active"]').text();
    expect(note).toContain('已人工更正为 30（解析读作 29）');
    expect(note).toContain('editor1');
    expect(note).toContain('核对原件为 30');
  });

  it('refuses a count with decimals, as the server would, without sending anything', async () => {
    const calls = api({});
    const wrapper = await mountPanel();
    await wrapper.get('input[name="value"]').setValue('1.5');
    await wrapper.get('textarea[name="reason"]').setValue('核对原件');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('件数必须是不小于 0 的整数。');
    expect(calls.filter((c) => c.query.includes('mutation'))).toEqual([]);
  });

  it('asks for a reason', async () => {
    const calls = api({});
    const wrapper = await mountPanel();
    await wrapper.get('input[name="value"]').setValue('31');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('更正理由');
    expect(calls.filter((c) => c.query.includes('mutation'))).toEqual([]);
  });

  it('sends the value and reason, then tells the page to reload the report', async () => {
    const calls = api({ data: { correctCell: { correction: { ...CORRECTIONS.data.report.corrections[0], id: '2', value: 31 } } } });
    const wrapper = await mountPanel();
    await wrapper.get('input[name="value"]').setValue('31');
    await wrapper.get('textarea[name="reason"]').setValue(' 第二次核对为 31 ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.query.includes('mutation'))!.variables).toEqual({
      reportId: '7',
      path: 'applications.newReceived[6]',
      value: 31,
      reason: '第二次核对为 31',
    });
    expect(wrapper.emitted('corrected')).toHaveLength(1);
    expect(wrapper.get('[role="status"]').text()).toContain('已保存');
  });

  it('an empty box means blank (null), and a refusal from the server is shown', async () => {
    const calls = api({ data: null, errors: [{ message: '该单元格已是这个值。The cell already has this value.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const wrapper = await mountPanel();
    await wrapper.get('textarea[name="reason"]').setValue('原件此处空白');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.query.includes('mutation'))!.variables).toMatchObject({ value: null });
    expect(wrapper.get('[role="alert"]').text()).toContain('该单元格已是这个值');
    expect(wrapper.emitted('corrected')).toBeUndefined();
  });
});

describe('withdrawing a correction', () => {
  it('sends the reason and tells the page to reload', async () => {
    const calls = api({ data: { withdrawCellCorrection: { correction: { id: '1', status: 'withdrawn' } } } });
    const wrapper = await mountPanel();
    await wrapper.get('textarea[name="reason"]').setValue('更正有误');
    await wrapper.get('button[type="button"]').trigger('click');
    await flushPromises();
    const sent = calls.find((c) => c.query.includes('withdrawCellCorrection'))!;
    expect(sent.variables).toEqual({ reportId: '7', path: 'applications.newReceived[6]', reason: '更正有误' });
    expect(wrapper.emitted('corrected')).toHaveLength(1);
  });
});
