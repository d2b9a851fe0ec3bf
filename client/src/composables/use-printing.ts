import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/**
 * Whether the page is being printed: true from the browser's `beforeprint` (or the print media query turning
 * on) until `afterprint`. For lists that show a few items on screen but every item on paper: rendering the whole
 * list only for printing keeps thousands of hidden rows out of a page's first drawing.
 */
export function usePrinting(): Ref<boolean> {
  const printing = ref(false);
  const start = () => (printing.value = true);
  const end = () => (printing.value = false);
  const printMedia = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
  const onMediaChange = (e: { matches: boolean }) => (printing.value = e.matches);
  onMounted(() => {
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    printMedia?.addEventListener?.('change', onMediaChange);
    if (printMedia?.matches) start();
  });
  onBeforeUnmount(() => {
    window.removeEventListener('beforeprint', start);
    window.removeEventListener('afterprint', end);
    printMedia?.removeEventListener?.('change', onMediaChange);
  });
  return printing;
}
