import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import FormField from './FormField.vue';

const field = (props: Record<string, unknown>) =>
  mount(FormField, { props: { id: 'f', label: '用户名', name: 'username', modelValue: '', ...props }, attrs: { spellcheck: 'false' } });

describe('a form field', () => {
  it('tells its hint with the input, and the problem in its place once there is one', async () => {
    const wrapper = field({ hint: '2–64 个字符' });
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe('f');
    expect(input.attributes('aria-describedby')).toBe('f-hint');
    expect(input.attributes('aria-invalid')).toBeUndefined();
    expect(input.attributes('spellcheck')).toBe('false');
    expect(wrapper.get('#f-hint').text()).toBe('2–64 个字符');

    await wrapper.setProps({ problem: '用户名已被使用。' });
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#f-hint').text()).toBe('用户名已被使用。');
    expect(wrapper.get('#f-hint').classes()).toContain('problem');
  });

  it('without a hint, says nothing until there is a problem', async () => {
    const wrapper = field({});
    expect(wrapper.find('.hint').exists()).toBe(false);
    expect(wrapper.get('input').attributes('aria-describedby')).toBeUndefined();
    await wrapper.setProps({ problem: '两次输入的密码不一致。' });
    expect(wrapper.get('#f-problem').text()).toBe('两次输入的密码不一致。');
    expect(wrapper.get('input').attributes('aria-describedby')).toBe('f-problem');
  });

  it('passes what is typed to its model', async () => {
    const wrapper = field({});
    await wrapper.get('input').setValue('analyst.wang');
    expect(wrapper.emitted('update:modelValue')).toEqual([['analyst.wang']]);
  });
});
