import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp, TEST_SESSION } from '../../../test/mount';
import { type UserResult } from '../../graphql/api';
import { usePreferencesStore } from '../../stores/preferences';
import { useSessionStore } from '../../stores/session';
import UsersView from './UsersView.vue';

type Body = { query: string; variables: Record<string, unknown> };
afterEach(() => vi.unstubAllGlobals());

const account = (over: Partial<UserResult>): UserResult => ({
  id: '1',
  username: 'someone',
  displayName: '某人',
  role: 'analyst',
  agency: null,
  disabled: false,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: '2026-11-01T00:00:00Z',
  ...over,
});

const ACCOUNTS = [
  account({ id: TEST_SESSION.user.id, username: TEST_SESSION.user.username, displayName: '测试管理员', role: 'admin', lastLoginAt: '2026-11-28T08:00:00Z' }),
  account({ id: '2', username: 'edu.clerk', displayName: '教育局填报员', role: 'department', agency: { id: '9', name: '市教育局' } }),
  account({ id: '3', username: 'old.leader', displayName: '老领导', role: 'viewer', disabled: true }),
];

/** The operation's kind, read past the comment that heads each document. */
const isMutation = (body: Body) => /^mutation\b/.test(body.query.replace(/^#.*$/gm, '').trim());

/** The API: the users list (filtered by the search like the server), agencies, and what a test says for a mutation. */
function stubApi(mutation: (body: Body) => unknown = () => ({ data: {} })) {
  const calls: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      calls.push(body);
      let answer: unknown;
      if (isMutation(body)) answer = mutation(body);
      else if (body.query.includes('session')) answer = { data: { session: { ...TEST_SESSION, user: { ...TEST_SESSION.user, displayName: '新名字' } } } };
      else if (body.query.includes('agencies'))
        answer = {
          data: {
            agencies: {
              total: 2,
              items: [
                { id: '9', name: '市教育局' },
                { id: '10', name: '市教育考试院' },
              ],
            },
          },
        };
      else {
        const search = String(body.variables['search'] ?? '');
        const items = ACCOUNTS.filter((a) => !search || a.username.includes(search) || a.displayName.includes(search));
        answer = { data: { users: { total: items.length, items } } };
      }
      return new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
  return calls;
}

const refusal = (reason: string, details: Record<string, unknown> = {}) => ({
  data: null,
  errors: [{ message: '服务器原文。Server text.', extensions: { code: 'BAD_USER_INPUT', reason, details } }],
});

async function mountPage() {
  const { wrapper } = await mountInApp(UsersView);
  await flushPromises();
  return wrapper;
}

const rowOf = (wrapper: VueWrapper, username: string) => wrapper.findAll('tbody tr').find((r) => r.get('th').text().startsWith(username))!;
const button = (scope: Pick<VueWrapper, 'findAll'>, text: string) => scope.findAll('button').find((b) => b.text() === text)!;
const mutations = (calls: Body[]) => calls.filter(isMutation);

describe('the users page', () => {
  it('lists the accounts: role in words, a department user’s agency, state, last sign-in, and which is you', async () => {
    stubApi();
    const wrapper = await mountPage();
    const cells = (username: string) =>
      rowOf(wrapper, username)
        .findAll('th, td')
        .map((c) => c.text());
    expect(cells('test.admin').slice(0, 5)).toEqual(['test.admin（本人）', '测试管理员', '管理员', '', '启用']);
    expect(cells('test.admin')[5]).toMatch(/2026/);
    expect(cells('edu.clerk').slice(0, 6)).toEqual(['edu.clerk', '教育局填报员', '部门用户', '市教育局', '启用', '从未登录']);
    expect(cells('old.leader')[4]).toBe('已停用');
    expect(wrapper.text()).toContain('共 3 个账号');
  });

  it('speaks English too: headings, roles, states and a refusal from the domain’s rules', async () => {
    const calls = stubApi();
    const wrapper = await mountPage();
    usePreferencesStore().setLocale('en');
    await flushPromises();
    expect(wrapper.findAll('thead th').map((h) => h.text())).toEqual(['Username', 'Name', 'Role', 'Agency', 'Status', 'Last sign-in', 'Actions']);
    expect(
      rowOf(wrapper, 'edu.clerk')
        .findAll('td')
        .map((c) => c.text())
        .slice(1, 5),
    ).toEqual(['Department user', '市教育局', 'Enabled', 'Never']);
    await button(wrapper, 'New account').trigger('click');
    await wrapper.get('#user-username').setValue('a b');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#user-username-hint').text()).toBe('A username has 2–64 characters: letters, digits and . _ @ - only.');
    expect(mutations(calls)).toEqual([]);
  });

  it('searches by username or name, and the search lives in the URL', async () => {
    const calls = stubApi();
    const { wrapper, router } = await mountInApp(UsersView);
    await flushPromises();
    await wrapper.get('#users-search').setValue(' 教育 ');
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(1), { timeout: 5_000 });
    expect(calls.at(-1)!.variables).toEqual({ search: '教育', skip: 0, take: 20 });
    expect(wrapper.get('tbody th').text()).toBe('edu.clerk');
    expect(router.currentRoute.value.query).toEqual({ search: '教育' });

    await router.push({ query: { search: 'leader' } });
    await flushPromises();
    expect((wrapper.get('#users-search').element as HTMLInputElement).value).toBe('leader');
    expect(wrapper.get('tbody th').text()).toBe('old.leader');
  });

  it('opens the page a link names, or the last one when the list is shorter', async () => {
    const calls = stubApi();
    const { router } = await mountInApp(UsersView);
    await router.replace({ query: { page: '4' } });
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}), { timeout: 5_000 });
    expect(calls.map((c) => c.variables['skip'])).toEqual([0, 60, 0]);
  });

  it('creates an account only once the rules hold, then lists it', async () => {
    const calls = stubApi(() => ({ data: { createUser: { id: '4', username: 'ana.wang' } } }));
    const wrapper = await mountPage();
    await button(wrapper, '新建账号').trigger('click');
    await wrapper.get('#user-username').setValue('ana.wang');
    await wrapper.get('#user-role').setValue('analyst');
    expect(wrapper.get('[data-testid="role-abilities"]').text()).toBe('可以：查看报告、机关和各项统计、导出数据、使用 GraphQL 查询');
    await wrapper.get('#user-password').setValue('short');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#user-password-hint').text()).toBe('密码至少 10 个字符。');
    expect(mutations(calls)).toEqual([]);

    await wrapper.get('#user-password').setValue('a long first password');
    await wrapper.get('#user-repeat').setValue('a long first passw0rd');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#user-repeat-problem').text()).toBe('两次输入的密码不一致。');
    expect(mutations(calls)).toEqual([]);

    await wrapper.get('#user-repeat').setValue('a long first password');
    await wrapper.get('#user-display-name').setValue(' 王分析 ');
    const listsBefore = calls.filter((c) => c.query.includes('users(')).length;
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(mutations(calls).map((c) => c.variables)).toEqual([
      { input: { username: 'ana.wang', displayName: '王分析', role: 'analyst', agencyId: null, password: 'a long first password' } },
    ]);
    expect(wrapper.get('[role="status"]').text()).toBe('已创建账号「ana.wang」。');
    expect(wrapper.find('form').exists()).toBe(false);
    expect(calls.filter((c) => c.query.includes('users(')).length).toBe(listsBefore + 1);
  });

  it('gives a department user the agency picked from the registry', async () => {
    const calls = stubApi(() => ({ data: { createUser: { id: '5', username: 'exam.clerk' } } }));
    const wrapper = await mountPage();
    await button(wrapper, '新建账号').trigger('click');
    await wrapper.get('#user-username').setValue('exam.clerk');
    await wrapper.get('#user-role').setValue('department');
    await wrapper.get('#user-password').setValue('a long first password');
    await wrapper.get('#user-repeat').setValue('a long first password');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#user-agency-problem').text()).toBe('部门用户必须选择所属机关。');
    expect(mutations(calls)).toEqual([]);

    await wrapper.get('#user-agency-search').setValue('教育');
    await vi.waitFor(() => expect(wrapper.findAll('#user-agency option').map((o) => o.text())).toContain('市教育考试院'), { timeout: 5_000 });
    await wrapper.get('#user-agency').setValue('10');
    expect(wrapper.text()).toContain('已选：市教育考试院');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(mutations(calls)[0]!.variables).toMatchObject({ input: { username: 'exam.clerk', role: 'department', agencyId: '10' } });
  });

  it('shows a taken username in words', async () => {
    stubApi(() => refusal('USERNAME_TAKEN', { username: 'edu.clerk' }));
    const wrapper = await mountPage();
    await button(wrapper, '新建账号').trigger('click');
    await wrapper.get('#user-username').setValue('edu.clerk');
    await wrapper.get('#user-role').setValue('viewer');
    await wrapper.get('#user-password').setValue('a long first password');
    await wrapper.get('#user-repeat').setValue('a long first password');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('用户名「edu.clerk」已被使用，请换一个。');
  });

  it('sends only what an edit changed, and shows why the server refuses an administrator disabling themself', async () => {
    const calls = stubApi((body) =>
      (body.variables['input'] as { id: string }).id === TEST_SESSION.user.id ? refusal('OWN_ACCOUNT') : { data: { updateUser: { id: '2' } } },
    );
    const wrapper = await mountPage();
    await button(rowOf(wrapper, 'edu.clerk'), '编辑').trigger('click');
    expect(wrapper.get('#user-form-title').text()).toBe('编辑账号「edu.clerk」');
    expect(wrapper.text()).toContain('已选：市教育局');
    await wrapper.get('input[name="enabled"]').setValue(false);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(mutations(calls).map((c) => c.variables)).toEqual([{ input: { id: '2', disabled: true } }]);
    expect(wrapper.get('[role="status"]').text()).toBe('已保存账号「edu.clerk」的修改。');

    await button(rowOf(wrapper, 'test.admin'), '编辑').trigger('click');
    await wrapper.get('input[name="enabled"]').setValue(false);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('不能停用、删除或降级自己的账号，请由另一位管理员操作。');
    expect(wrapper.find('form').exists()).toBe(true);
  });

  it('shows one’s own new name in the header at once', async () => {
    const calls = stubApi(() => ({ data: { updateUser: { id: TEST_SESSION.user.id } } }));
    const wrapper = await mountPage();
    await button(rowOf(wrapper, 'test.admin'), '编辑').trigger('click');
    await wrapper.get('#user-display-name').setValue('新名字');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(mutations(calls).map((c) => c.variables)).toEqual([{ input: { id: TEST_SESSION.user.id, displayName: '新名字' } }]);
    expect(useSessionStore().user?.displayName).toBe('新名字');
  });

  it('resets a password and shows the temporary password it set, once', async () => {
    const calls = stubApi(() => ({ data: { resetPassword: true } }));
    const wrapper = await mountPage();
    await button(rowOf(wrapper, 'edu.clerk'), '重置密码').trigger('click');
    expect(mutations(calls)).toEqual([]);
    const dialog = wrapper.get('[role="dialog"]');
    expect(dialog.text()).toContain('重置「edu.clerk」的密码');
    await button(dialog, '生成临时密码').trigger('click');
    await flushPromises();
    const sent = mutations(calls)[0]!.variables as { id: string; newPassword: string };
    expect(sent.id).toBe('2');
    expect(wrapper.get('[data-testid="temporary-password"]').text()).toBe(sent.newPassword);
    expect(sent.newPassword).toHaveLength(16);

    await button(wrapper.get('[role="dialog"]'), '完成').trigger('click');
    expect(wrapper.find('[data-testid="temporary-password"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain(sent.newPassword);
  });

  it('offers your own row the change-password page, not a reset that would end this session', async () => {
    stubApi();
    const wrapper = await mountPage();
    const own = rowOf(wrapper, 'test.admin');
    expect(own.findAll('button').map((b) => b.text())).toEqual(['编辑', '删除']);
    expect(own.get('a').text()).toBe('修改密码');
    expect(own.get('a').attributes('href')).toBe('/account');
    expect(
      rowOf(wrapper, 'edu.clerk')
        .findAll('button')
        .map((b) => b.text()),
    ).toEqual(['编辑', '重置密码', '删除']);
  });

  it('puts the focus in a form or confirmation as it opens', async () => {
    stubApi();
    const { wrapper } = await mountInApp(UsersView, { attachTo: document.body });
    await flushPromises();
    await button(wrapper, '新建账号').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('user-username');
    await button(rowOf(wrapper, 'edu.clerk'), '编辑').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('user-display-name');
    await button(rowOf(wrapper, 'edu.clerk'), '删除').trigger('click');
    await flushPromises();
    expect(document.activeElement?.textContent?.trim()).toBe('确认删除');
    wrapper.unmount();
  });

  it('deletes only after a confirmation, and shows why the last administrator stays', async () => {
    let answer: unknown = { data: { deleteUser: true } };
    const calls = stubApi(() => answer);
    const wrapper = await mountPage();
    await button(rowOf(wrapper, 'old.leader'), '删除').trigger('click');
    const confirm = wrapper.get('[role="alertdialog"]');
    expect(confirm.text()).toContain('删除账号「old.leader」？');
    expect(mutations(calls)).toEqual([]);
    await button(confirm, '确认删除').trigger('click');
    await flushPromises();
    expect(mutations(calls).map((c) => c.variables)).toEqual([{ id: '3' }]);
    expect(wrapper.get('[role="status"]').text()).toBe('已删除账号「old.leader」。');

    answer = refusal('LAST_ADMIN');
    await button(rowOf(wrapper, 'test.admin'), '删除').trigger('click');
    await button(wrapper.get('[role="alertdialog"]'), '确认删除').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alertdialog"] [role="alert"]').text()).toBe('不能停用、删除或降级最后一个启用的管理员。');
  });
});
