import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import type { ChartOption } from './echarts';
import { useECharts } from './use-echarts';

/** The options the chart was given, as ECharts received them (canvas drawing itself is the browser tier's). */
const drawn = vi.hoisted(() => [] as unknown[]);
vi.mock('./echarts', () => ({
  echarts: {
    init: () => ({
      setOption: (option: unknown) => drawn.push(option),
      on: () => undefined,
      dispatchAction: () => undefined,
      resize: () => undefined,
      dispose: () => undefined,
    }),
  },
}));

const OPTION: ChartOption = { series: [{ type: 'bar', data: [3, 5] }] };

function stubReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query === '(prefers-reduced-motion: reduce)', media: query }));
}

async function drawOnce(): Promise<Record<string, unknown>> {
  drawn.length = 0;
  const Chart = defineComponent(() => {
    const el = ref<HTMLElement | null>(null);
    useECharts(el, OPTION);
    return () => h('div', { ref: el });
  });
  const wrapper = mount(Chart);
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await flushPromises();
  wrapper.unmount();
  return drawn.at(-1) as Record<string, unknown>;
}

afterEach(() => vi.unstubAllGlobals());

describe('a chart and the reader’s motion setting', () => {
  it('is drawn without animation when the system asks for reduced motion', async () => {
    stubReducedMotion(true);
    const option = await drawOnce();
    expect(option.animation).toBe(false);
    expect(option.series).toEqual(OPTION.series);
  });

  it('keeps the option as given otherwise', async () => {
    stubReducedMotion(false);
    const option = await drawOnce();
    expect(option).toEqual(OPTION);
  });
});
