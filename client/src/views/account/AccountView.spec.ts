import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import AccountView from './AccountView.vue';

type Body = { query: string; variables: Record<string, unknown> };
afterEach(() => vi.unstubAllGlobals());

/** Answers the password change with `answer` (and the page's token list with none); returns the password calls. */
function stubApi(answer: unknown) {
  const calls: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      if (body.query.includes('myAccessTokens')) return new Response(JSON.stringify({ data: { myAccessTokens: [] } }), { status: 200 });
      calls.push(body);
      return new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
  return calls;
}

async function fill(current: string, next: string, repeat: string) {
  const { wrapper } = await mountInApp(AccountView);
  await wrapper.get('#account-current').setValue(current);
  await wrapper.get('#account-new').setValue(next);
  await wrapper.get('#account-repeat').setValue(repeat);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  return wrapper;
}

describe('changing your password', () => {
  it('says who is signed in and the server’s length rule', async () => {
    stubApi({});
    const { wrapper } = await mountInApp(AccountView);
    expect(wrapper.text()).toContain('当前账号：test.admin（管理员）');
    expect(wrapper.get('#account-new-hint').text()).toBe('至少 10 个字符，不能与用户名相同。');
  });

  it('sends nothing while the new password is too short or typed differently twice', async () => {
    const calls = stubApi({ data: { changePassword: true } });
    let wrapper = await fill('the old password', 'short', 'short');
    expect(wrapper.get('#account-new-hint').text()).toBe('密码至少 10 个字符。');
    wrapper = await fill('the old password', 'the new password', 'the new passw0rd');
    expect(wrapper.get('#account-repeat-problem').text()).toBe('两次输入的密码不一致。');
    wrapper = await fill('the old password', 'test.admin', 'test.admin');
    expect(wrapper.get('#account-new-hint').text()).toBe('密码不能与用户名相同。');
    expect(calls).toEqual([]);
  });

  it('sends the current and new password, says it worked and empties the form', async () => {
    const calls = stubApi({ data: { changePassword: true } });
    const wrapper = await fill('the old password', 'the new password', 'the new password');
    expect(calls.map((c) => c.variables)).toEqual([{ currentPassword: 'the old password', newPassword: 'the new password' }]);
    expect(wrapper.get('[role="status"]').text()).toBe('密码已修改。下次登录请使用新密码。');
    for (const id of ['#account-current', '#account-new', '#account-repeat']) expect((wrapper.get(id).element as HTMLInputElement).value).toBe('');
  });

  it('explains a wrong current password', async () => {
    stubApi({
      data: null,
      errors: [{ message: '当前密码不正确。The current password is wrong.', extensions: { code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD' } }],
    });
    const wrapper = await fill('not my password', 'the new password', 'the new password');
    expect(wrapper.get('[role="alert"]').text()).toBe('当前密码不正确。');
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
    expect((wrapper.get('#account-current').element as HTMLInputElement).value).toBe('');
  });
});
