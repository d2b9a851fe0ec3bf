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
const registry = vi.hoisted(() => ({
  flows: false,
  draws: [] as { option: unknown; instanceKnowsFlows: boolean; disposed: () => boolean }[],
  /** How many times a chart was resized, and the size ECharts last laid it out at (what it read from its element). */
  resizes: 0,
}));
vi.mock('./echarts', () => ({
  THEME: 'ogi',
  echarts: {
    init: (element: HTMLElement) => {
      const instanceKnowsFlows = registry.flows;
      let disposed = false;
      let size = { width: element.clientWidth, height: element.clientHeight };
      return {
        getWidth: () => size.width,
        getHeight: () => size.height,
        setOption: (option: unknown) => {
          drawn.push(option);
          registry.draws.push({ option, instanceKnowsFlows, disposed: () => disposed });
        },
        on: () => undefined,
        dispatchAction: () => undefined,
        resize: () => {
          registry.resizes++;
          size = { width: element.clientWidth, height: element.clientHeight };
        },
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

describe('a chart and the size of its box', () => {
  it('is laid out again only when its box changes size, not when the browser first reports the size it was drawn at', async () => {
    let report: () => void = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          report = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    registry.resizes = 0;
    const box = { width: 600, height: 320 };
    const Chart = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      useECharts(el, OPTION);
      return () => h('div', { ref: el });
    });
    const wrapper = mount(Chart);
    const element = wrapper.element as HTMLElement;
    Object.defineProperty(element, 'clientWidth', { get: () => box.width });
    Object.defineProperty(element, 'clientHeight', { get: () => box.height });
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
    report(); // the observer's first report, at the size the chart was created at
    expect(registry.resizes).toBe(0);
    box.width = 390; // a phone turned, a window narrowed
    report();
    expect(registry.resizes).toBe(1);
    report();
    expect(registry.resizes).toBe(1);
    wrapper.unmount();
  });
});
