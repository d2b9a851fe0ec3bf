import { computed, onBeforeUnmount, onMounted, ref, toValue, type MaybeRefOrGetter, type Ref } from 'vue';
import { usePrinting } from './use-printing';

export interface VirtualWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Last row to render (exclusive). */
  end: number;
  /** Height of the space standing in for the rows above and below, in px. */
  padTop: number;
  padBottom: number;
}

/**
 * Which rows of a list of `count` fixed-height rows are visible in a viewport scrolled to `scrollTop`,
 * with `overscan` extra rows each side so fast scrolling does not show gaps.
 */
export function virtualWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 8): VirtualWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(count, Math.max(0, firstVisible - overscan));
  const end = Math.min(count, firstVisible + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/**
 * Virtual scrolling for a table in a scrolling container: only the rows in view (plus a margin) are in the
 * DOM, so a table of 3,000 rows scrolls like one of 30. Rows must all be `rowHeight` px high.
 * Up to `threshold` rows everything is rendered (find-in-page then sees every row); so is every row while the page
 * is printed.
 */
export function useVirtualRows(container: Ref<HTMLElement | null>, count: MaybeRefOrGetter<number>, rowHeight: number, threshold = 200) {
  const scrollTop = ref(0);
  const viewport = ref(600);
  const printing = usePrinting();
  let observer: ResizeObserver | null = null;

  const onScroll = () => {
    if (container.value) scrollTop.value = container.value.scrollTop;
  };

  onMounted(() => {
    const el = container.value;
    if (!el) return;
    el.addEventListener('scroll', onScroll, { passive: true });
    viewport.value = el.clientHeight || viewport.value;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => (viewport.value = el.clientHeight || viewport.value));
      observer.observe(el);
    }
  });
  onBeforeUnmount(() => {
    container.value?.removeEventListener('scroll', onScroll);
    observer?.disconnect();
  });

  const virtual = computed(() => toValue(count) > threshold && !printing.value);
  const window = computed<VirtualWindow>(() => {
    const n = toValue(count);
    if (!virtual.value) return { start: 0, end: n, padTop: 0, padBottom: 0 };
    return virtualWindow(n, rowHeight, scrollTop.value, viewport.value);
  });

  /** Scrolls so that row `index` is in view (keyboard navigation past the rendered rows). */
  function scrollToRow(index: number) {
    const el = container.value;
    if (!el) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    scrollTop.value = el.scrollTop;
  }

  return { window, virtual, scrollToRow };
}
