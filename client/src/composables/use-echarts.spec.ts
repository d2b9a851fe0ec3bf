import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import type { ChartOption } from './echarts';
import { useECharts } from './use-echarts';

/** The options the chart was given, as ECharts received them (canvas drawing itself is the browser tier's). */
const drawn = vi.hoisted(() => [] as unknown[]);
/**
 * ECharts copies the registered chart layouts into an instance when it is created: whether the flow charts
 * (sankey, treemap) were registered then decides whether that instance can lay them out. Each option drawn is
 * recorded with that fact about the instance that drew it.
 */
const registry = vi.hoisted(() => ({ flows: false, draws: [] as { option: unknown; instanceKnowsFlows: boolean; disposed: () => boolean }[] }));
vi.mock('./echarts', () => ({
  THEME: 'ogi',
  echarts: {
    init: () => {
      const instanceKnowsFlows = registry.flows;
      let disposed = false;
      return {
        setOption: (option: unknown) => {
          drawn.push(option);
          registry.draws.push({ option, instanceKnowsFlows, disposed: () => disposed });
        },
        on: () => undefined,
        dispatchAction: () => undefined,
        resize: () => undefined,
        dispose: () => {
          disposed = true;
        },
      };
    },
  },
}));
vi.mock('./echarts-flows', () => {
  registry.flows = true;
  return { echarts: {} };
});

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

describe('a treemap or sankey on the first visit to its page', () => {
  it('is drawn by a chart that knows the flow charts, although the chart was created before they loaded', async () => {
    stubReducedMotion(false);
    const option = ref<ChartOption | null>(null);
    const Chart = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      useECharts(el, option);
      return () => h('div', { ref: el });
    });
    const wrapper = mount(Chart);
    await flushPromises();
    expect(registry.flows).toBe(false);
    // The page's data arrives after the chart exists: a treemap.
    option.value = { series: [{ type: 'treemap', data: [{ name: '国家秘密', value: 4 }] }] };
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
    const treemapDraws = registry.draws.filter((d) => d.option === option.value || (d.option as ChartOption).series === option.value?.series);
    expect(treemapDraws).toHaveLength(1);
    expect(treemapDraws[0]?.instanceKnowsFlows).toBe(true);
    expect(treemapDraws[0]?.disposed()).toBe(false);
    wrapper.unmount();
  });
});
