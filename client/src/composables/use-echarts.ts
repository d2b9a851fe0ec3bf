import { onBeforeUnmount, onMounted, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import { echarts, type ChartOption } from './echarts';

/**
 * Owns one ECharts instance on `el`: creates it when mounted, applies `option` whenever it changes,
 * resizes with its container, re-creates it when the theme changes, and disposes of it on unmount.
 */
export function useECharts(
  el: Ref<HTMLElement | null>,
  option: MaybeRefOrGetter<ChartOption | null>,
  theme: MaybeRefOrGetter<string | undefined> = undefined,
) {
  const chart = shallowRef<echarts.ECharts | null>(null);
  let observer: ResizeObserver | null = null;

  function init() {
    if (!el.value) return;
    chart.value?.dispose();
    chart.value = echarts.init(el.value, toValue(theme) ?? null, { renderer: 'canvas' });
    apply();
  }

  function apply() {
    const value = toValue(option);
    if (!chart.value || !value) return;
    chart.value.setOption(value, { notMerge: true });
  }

  onMounted(() => {
    init();
    if (el.value && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => chart.value?.resize());
      observer.observe(el.value);
    }
  });

  watch(() => toValue(option), apply);
  watch(() => toValue(theme), init);

  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });

  return { chart };
}
