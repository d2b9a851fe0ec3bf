import { onBeforeUnmount, onMounted, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import type { ECharts } from 'echarts/core';
import type { ChartOption } from './echarts';
import { retryingImport } from './retrying-import';

/**
 * ECharts loads when a chart first needs it, or earlier when the app asks (`preloadCharts`, once a page's own
 * requests are on their way): its evaluation is a long task that should overlap the server's work, not delay
 * the page's first requests. A chunk that fails to load (network) is fetched again when the chart's "retry"
 * asks for it.
 */
const loadECharts = retryingImport(() => import('./echarts'));
/** The sankey and treemap parts, only for an option that draws them (the outcomes page). */
const loadFlowCharts = retryingImport(() => import('./echarts-flows'));
/**
 * Set once the flow charts are registered. ECharts copies the registered layouts into an instance when it is
 * created and never looks again, so an instance created before then cannot lay out a sankey or treemap (its
 * views then read layouts that were never computed): such an instance is created anew before drawing flows.
 */
let flowChartsRegistered = false;

/** Starts loading the chart library ahead of the first chart; a failure is reported by each chart that needs it, with a retry. */
export function preloadCharts(): void {
  loadECharts().catch(() => {});
}

const FLOW_SERIES = new Set(['sankey', 'treemap']);

/** Whether an option draws a chart type that lives in the flows chunk. */
export function needsFlowCharts(option: ChartOption | null): boolean {
  return seriesOf(option).some((s) => typeof s.type === 'string' && FLOW_SERIES.has(s.type));
}

const prefersReducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A data item the user picked, by click or by keyboard. */
export interface ChartPick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
  value: unknown;
  /** The item's `data` object as the option gave it (ids for drill-down travel there). */
  data: unknown;
}

interface SeriesLike {
  type?: unknown;
  name?: unknown;
  data?: unknown;
}

function seriesOf(option: ChartOption | null): SeriesLike[] {
  const s = option?.series;
  return (Array.isArray(s) ? s : s ? [s] : []) as SeriesLike[];
}

/** The name of a data item: its own `name`, or the category at its index. */
function itemAt(option: ChartOption, seriesIndex: number, dataIndex: number): ChartPick | null {
  const series = seriesOf(option)[seriesIndex];
  const data = Array.isArray(series?.data) ? (series.data as unknown[]) : [];
  if (dataIndex < 0 || dataIndex >= data.length) return null;
  const item = data[dataIndex];
  const axes = [option.xAxis, option.yAxis].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : [])) as { type?: string; data?: unknown[] }[];
  const categories = axes.find((a) => a.type === 'category')?.data;
  const category = categories?.[dataIndex];
  const name =
    item && typeof item === 'object' && 'name' in item
      ? String((item as { name: unknown }).name)
      : typeof category === 'object' && category && 'value' in category
        ? String((category as { value: unknown }).value)
        : String(category ?? dataIndex);
  const value = item && typeof item === 'object' && 'value' in item ? (item as { value: unknown }).value : item;
  return { seriesIndex, dataIndex, name, value, data: item };
}

/**
 * Owns one ECharts instance on `el`: creates it when mounted, applies `option` whenever it changes,
 * resizes with its container, and disposes of it on unmount. With `onPick`, a click on a data item picks it,
 * and so does the keyboard: arrow keys move through the first series' items (highlighted, with their
 * tooltip), Enter picks the current one.
 */
export function useECharts(
  el: Ref<HTMLElement | null>,
  option: MaybeRefOrGetter<ChartOption | null>,
  onPick?: (pick: ChartPick) => void,
  /** Names the chart in the User Timing mark `ogi:chart-rendered` set when an option is first drawn (read by `pnpm bench:ui`). */
  timingName?: MaybeRefOrGetter<string>,
) {
  const chart = shallowRef<ECharts | null>(null);
  /** The item the keyboard is on, for the page to announce. */
  const active = ref<ChartPick | null>(null);
  /** Why the chart library could not be loaded (the card shows it with a retry); null while all is well. */
  const loadError = shallowRef<Error | null>(null);
  /** How many times loading failed in a row: after a failed retry the card suggests reloading the page. */
  const failures = ref(0);
  let observer: ResizeObserver | null = null;
  /** Whether the instance was created after the flow charts were registered (it can then draw them). */
  let instanceHasFlows = false;
  let unmounted = false;
  let markPending = false;
  let pending: ReturnType<typeof setTimeout> | undefined;

  function failed(error: unknown) {
    if (unmounted) return;
    failures.value++;
    loadError.value = error instanceof Error ? error : new Error(String(error));
  }

  async function apply() {
    const value = toValue(option);
    if (!chart.value || !value) return;
    if (needsFlowCharts(value)) {
      try {
        await loadFlowCharts();
      } catch (e) {
        failed(e);
        return;
      }
      flowChartsRegistered = true;
      // A newer option may have arrived meanwhile: it is drawn by its own call.
      if (unmounted || !chart.value || toValue(option) !== value) return;
      if (!instanceHasFlows) await recreate();
      if (unmounted || !chart.value || toValue(option) !== value) return;
    }
    markPending = true;
    // Readers who asked their system for less motion get the chart drawn at once, without growing bars.
    chart.value.setOption(prefersReducedMotion() ? { ...value, animation: false } : value, { notMerge: true, lazyUpdate: false });
    active.value = null;
    failures.value = 0;
  }
  const schedule = () => {
    clearTimeout(pending);
    pending = setTimeout(() => void apply(), 0);
  };

  /** Moves the keyboard's item by `step`, or to an absolute index with `to`. */
  function move(step: number, to?: number) {
    const value = toValue(option);
    if (!chart.value || !value) return;
    const count = (seriesOf(value)[0]?.data as unknown[] | undefined)?.length ?? 0;
    if (!count) return;
    const from = active.value?.dataIndex ?? (step > 0 ? -1 : count);
    const dataIndex = to !== undefined ? Math.min(count - 1, Math.max(0, to)) : (from + step + count) % count;
    if (active.value) chart.value.dispatchAction({ type: 'downplay', seriesIndex: 0, dataIndex: active.value.dataIndex });
    chart.value.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex });
    chart.value.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex });
    active.value = itemAt(value, 0, dataIndex);
  }

  function onKeydown(e: KeyboardEvent) {
    if (!onPick) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(-1);
    else if (e.key === 'Home') move(0, 0);
    else if (e.key === 'End') move(0, Number.MAX_SAFE_INTEGER);
    else if (e.key === 'Enter' && active.value) onPick(active.value);
    else if (e.key === 'Escape' && active.value) {
      chart.value?.dispatchAction({ type: 'downplay', seriesIndex: 0, dataIndex: active.value.dataIndex });
      chart.value?.dispatchAction({ type: 'hideTip' });
      active.value = null;
    } else return;
    e.preventDefault();
  }

  /** Creates the ECharts instance on the element, with the page's handlers. */
  function createInstance(lib: typeof import('./echarts'), target: HTMLElement): ECharts {
    instanceHasFlows = flowChartsRegistered;
    const instance = lib.echarts.init(target, lib.THEME, { renderer: 'canvas' });
    instance.on('rendered', () => {
      if (!markPending) return;
      markPending = false;
      performance.mark('ogi:chart-rendered', { detail: { chart: toValue(timingName) ?? '' } });
    });
    instance.on('click', (params) => {
      const value = toValue(option);
      if (!onPick || !value || params.componentType !== 'series' || typeof params.dataIndex !== 'number') return;
      const pick = itemAt(value, params.seriesIndex ?? 0, params.dataIndex);
      if (pick) onPick(pick);
    });
    return instance;
  }

  /** Replaces an instance created before the flow charts were registered by one that can draw them. */
  async function recreate() {
    const lib = await loadECharts();
    if (unmounted || !el.value || !chart.value) return;
    chart.value.dispose();
    chart.value = createInstance(lib, el.value);
  }

  /** Loads the library (again, after a failure) and creates the chart; the option is then drawn. */
  async function start() {
    loadError.value = null;
    let lib: typeof import('./echarts');
    try {
      lib = await loadECharts();
    } catch (e) {
      failed(e);
      return;
    }
    if (unmounted || !el.value || chart.value) return;
    chart.value = createInstance(lib, el.value);
    // First drawing in a task of its own, like every later one (see below).
    schedule();
    el.value.addEventListener('keydown', onKeydown);
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => {
        const instance = chart.value;
        const target = el.value;
        if (!instance || !target) return;
        // The first observation reports the size the chart was created at: resizing then would lay out and draw
        // the whole chart a second time (a third of a page's chart work at province scale).
        if (instance.getWidth() === target.clientWidth && instance.getHeight() === target.clientHeight) return;
        instance.resize();
      });
      observer.observe(el.value);
    }
  }
  onMounted(() => void start());

  /** The user's retry after a failed load: the library, or the flow charts an option needs. */
  function retry() {
    if (!chart.value) return start();
    loadError.value = null;
    schedule();
    return Promise.resolve();
  }

  // A new option is drawn in a task of its own, after the page has updated: a chart of thousands of items
  // and a table of thousands of rows arriving together do not make one long task.
  watch(() => toValue(option), schedule);

  onBeforeUnmount(() => {
    unmounted = true;
    clearTimeout(pending);
    el.value?.removeEventListener('keydown', onKeydown);
    observer?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });

  return { chart, active, loadError, failures, retry };
}
