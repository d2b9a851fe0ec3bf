import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountInApp } from '../../test/mount';
import { usePreferencesStore } from '../stores/preferences';
import MetricInfo from './MetricInfo.vue';

afterEach(() => (document.body.innerHTML = ''));

describe('metric formula', () => {
  it('opens the dictionary entry of a metric — formula, denominator, formats, direction — and closes on Escape', async () => {
    const { wrapper } = await mountInApp(MetricInfo, { props: { code: 'outcomes.resolvableDisclosureRate' }, attachTo: document.body });
    const button = wrapper.get('button');
    expect(button.attributes('aria-expanded')).toBe('false');
    await button.trigger('click');
    await flushPromises();

    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('指标说明：可答复申请公开率');
    expect(dialog.textContent).toContain('（予以公开 + 部分公开）÷（（七）总计 − 无法提供 − 不予处理 − 其他处理）');
    expect(dialog.textContent).toContain('办结量减去无法提供、不予处理和其他处理');
    expect(dialog.textContent).toContain('2019 版、2021 版');
    expect(dialog.textContent).toContain('分母只计对信息本身作出答复的申请');
    expect(dialog.textContent).toContain('越高越好');

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flushPromises();
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('speaks English when the interface does', async () => {
    const { wrapper } = await mountInApp(MetricInfo, { props: { code: 'review.correctionRate' }, attachTo: document.body });
    usePreferencesStore().setLocale('en');
    await flushPromises();
    await wrapper.get('button').trigger('click');
    await flushPromises();
    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toContain('corrected ÷ (total − pending)');
    expect(dialog.textContent).toContain('Lower is better');
  });

  it('shows nothing for a code the dictionary does not know', async () => {
    const { wrapper } = await mountInApp(MetricInfo, { props: { code: 'no.such' } });
    expect(wrapper.find('button').exists()).toBe(false);
  });
});
