import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mountInApp } from '../../test/mount';
import AppHeader from '../components/AppHeader.vue';
import { usePreferencesStore } from '../stores/preferences';
import { prepareFormats, useI18n } from './use-i18n';

/** The header plus a few words from elsewhere in the catalogue and the domain layout. */
const Page = defineComponent({
  setup() {
    const { t, label, formatDate } = useI18n();
    return () =>
      h('div', [
        h(AppHeader),
        h('h2', t('report.sections.applications')),
        h('p', { class: 'column' }, label({ label: '自然人', en: 'Natural persons' })),
        h('p', { class: 'date' }, formatDate('2021-01-24') ?? ''),
      ]);
  },
});

describe('language switching', () => {
  it('starts in Chinese and switches every string to English with one click', async () => {
    const { wrapper } = await mountInApp(Page);
    expect(wrapper.get('.product-name').text()).toBe('政府信息公开年报观测台');
    expect(wrapper.get('h2').text()).toBe('三、收到和处理政府信息公开申请情况');
    expect(wrapper.get('.column').text()).toBe('自然人');
    expect(wrapper.get('.date').text()).toBe('2021年1月24日');

    const english = wrapper.findAll('button').find((b) => b.text() === 'English')!;
    expect(english.attributes('aria-pressed')).toBe('false');
    await english.trigger('click');
    await flushPromises();

    expect(english.attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('.product-name').text()).toBe('OGI Observatory');
    expect(
      wrapper
        .get('nav')
        .findAll('a')
        .map((a) => a.text()),
    ).toEqual([
      'Overview',
      'Compare',
      'Outcomes',
      'Review & litigation',
      'Submissions & quality',
      'Reports',
      'Import',
      'GraphQL',
      'Annual briefing',
      'Follow-ups',
      'Thresholds',
      'Change log',
      'Users',
    ]);
    expect(wrapper.get('h2').text()).toBe('III. Disclosure applications received and handled');
    expect(wrapper.get('.column').text()).toBe('Natural persons');
    expect(wrapper.get('.date').text()).toBe('24 Jan 2021');

    await wrapper
      .findAll('button')
      .find((b) => b.text() === '中文')!
      .trigger('click');
    expect(wrapper.get('.product-name').text()).toBe('政府信息公开年报观测台');
  });

  it('remembers the choice for the next visit', async () => {
    const { wrapper } = await mountInApp(Page);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'English')!
      .trigger('click');
    await flushPromises();

    setActivePinia(createPinia()); // a new visit: a fresh store reads what was stored
    expect(usePreferencesStore().locale).toBe('en');
  });
});

describe('number and date formats', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are made ready ahead: the first figures and dates of a page create no formatter', () => {
    globalThis.localStorage?.clear();
    setActivePinia(createPinia());
    prepareFormats('zh-CN');
    const numberFormats = vi.spyOn(Intl, 'NumberFormat');
    const dateFormats = vi.spyOn(Intl, 'DateTimeFormat');
    const { formatNumber, formatDate, formatMetric } = useI18n();
    expect(formatNumber(4900)).toBe('4,900');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatDate('2021-01-24')).toBe('2021年1月24日');
    expect(formatMetric('outcomes.disclosureRate', 0.425)).toBe('42.5%');
    expect(formatMetric('applications.new', 3000)).toBe('3,000');
    expect(numberFormats).not.toHaveBeenCalled();
    expect(dateFormats).not.toHaveBeenCalled();
  });

  it('are created once each, however many figures a table shows', () => {
    globalThis.localStorage?.clear();
    setActivePinia(createPinia());
    const { formatNumber } = useI18n();
    formatNumber(1, 2);
    const numberFormats = vi.spyOn(Intl, 'NumberFormat');
    const shown = Array.from({ length: 300 }, (_, i) => formatNumber(i * 1000 + 0.125, 2));
    expect(shown[299]).toBe('299,000.13');
    expect(numberFormats).not.toHaveBeenCalled();
  });
});
