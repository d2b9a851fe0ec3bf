import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import AccessTokensPanel from './AccessTokensPanel.vue';

type Body = { query: string; variables: Record<string, unknown> };
afterEach(() => vi.unstubAllGlobals());

const TOKEN = {
  id: '7',
  name: 'pandas 每日',
  prefix: 'ogi_pat_Ab12Cd',
  scope: 'read',
  createdAt: '2026-12-01T08:00:00Z',
  expiresAt: '2027-03-01T08:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
  active: true,
};

/** A stand-in server: the token list, then what each mutation answers; records every request. */
function stubApi(list: unknown[], mutations: Record<string, unknown> = {}) {
  const calls: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      calls.push(body);
      const mutation = Object.keys(mutations).find((name) => body.query.includes(`${name}(`));
      const data = mutation ? { [mutation]: mutations[mutation] } : { myAccessTokens: list };
      return new Response(JSON.stringify({ data }), { status: 200 });
    }),
  );
  return calls;
}

describe('the access tokens of the account page', () => {
  it('lists tokens with their prefix, scope, last use and state', async () => {
    stubApi([
      TOKEN,
      { ...TOKEN, id: '6', name: '旧脚本', scope: 'write', lastUsedAt: '2026-12-02T09:30:00Z', revokedAt: '2026-12-03T00:00:00Z', active: false },
    ]);
    const { wrapper } = await mountInApp(AccessTokensPanel);
    await flushPromises();
    const rows = wrapper.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows[0]!.slice(0, 3)).toEqual(['pandas 每日', 'ogi_pat_Ab12Cd…', '只读（查询和下载）']);
    expect(rows[0]!.slice(5)).toEqual(['从未使用', '有效', '撤销']);
    expect(rows[1]!.slice(0, 3)).toEqual(['旧脚本', 'ogi_pat_Ab12Cd…', '读写（也可导入、更正等修改操作）']);
    expect(rows[1]![6]).toBe('已撤销');
    // A revoked token has nothing left to revoke.
    expect(rows[1]![7]).toBe('');
  });

  it('asks for a name before sending, then sends name, scope and lifetime and shows the token once', async () => {
    const calls = stubApi([], {
      createAccessToken: { token: 'ogi_pat_secretsecretsecretsecretsecretsecretsecret', accessToken: { ...TOKEN, name: 'R 脚本', scope: 'write' } },
    });
    const { wrapper } = await mountInApp(AccessTokensPanel);
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('请为令牌起一个名称。');
    expect(calls.filter((c) => c.query.includes('createAccessToken'))).toEqual([]);

    await wrapper.get('#token-name').setValue('  R 脚本 ');
    await wrapper.get('#token-scope').setValue('write');
    await wrapper.get('#token-days').setValue('30');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.filter((c) => c.query.includes('createAccessToken')).map((c) => c.variables)).toEqual([
      { input: { name: 'R 脚本', scope: 'write', expiresInDays: 30 } },
    ]);
    expect((wrapper.get('#token-value').element as HTMLInputElement).value).toBe('ogi_pat_secretsecretsecretsecretsecretsecretsecret');
    expect(wrapper.text()).toContain('令牌只显示这一次');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '我已保存')!
      .trigger('click');
    expect(wrapper.find('#token-value').exists()).toBe(false);
  });

  it('revokes only after a second, confirming click', async () => {
    const calls = stubApi([TOKEN], { revokeAccessToken: { id: '7', active: false, revokedAt: '2026-12-07T00:00:00Z' } });
    const { wrapper } = await mountInApp(AccessTokensPanel);
    await flushPromises();
    const button = () => wrapper.get('tbody button');
    await button().trigger('click');
    expect(button().text()).toBe('确认撤销「pandas 每日」');
    expect(calls.filter((c) => c.query.includes('revokeAccessToken'))).toEqual([]);
    await button().trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.query.includes('revokeAccessToken')).map((c) => c.variables)).toEqual([{ id: '7' }]);
    expect(wrapper.get('[role="status"]').text()).toBe('令牌「pandas 每日」已撤销，使用它的脚本将无法再访问。');
  });
});
