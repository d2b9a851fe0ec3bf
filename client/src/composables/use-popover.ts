import { nextTick, onBeforeUnmount, ref } from 'vue';

export interface PopoverOptions {
  /** Whether a pointer press at `target` is inside the popover (and so does not close it). */
  inside: (target: Node) => boolean;
  /** Focused once the popover is open (its search box, its panel). */
  focusOnOpen?: () => HTMLElement | null | undefined;
  /** Focused when Escape closes it (the button that opened it). */
  focusOnEscape?: () => HTMLElement | null | undefined;
  /** Close when the page scrolls (a popover placed with fixed coordinates). */
  closeOnScroll?: boolean;
}

/**
 * A non-modal popover's life: opened by its button, closed by that button again, by Escape, by a press outside
 * it, or when its owner unmounts — with the listeners only while it is open.
 */
export function usePopover(options: PopoverOptions) {
  const open = ref(false);

  const onPointer = (e: Event) => {
    if (!options.inside(e.target as Node)) close();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open.value) return;
    close();
    options.focusOnEscape?.()?.focus();
  };

  function close() {
    open.value = false;
    document.removeEventListener('pointerdown', onPointer, true);
    document.removeEventListener('keydown', onKey);
    if (options.closeOnScroll) window.removeEventListener('scroll', close, true);
  }

  async function show() {
    open.value = true;
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey);
    if (options.closeOnScroll) window.addEventListener('scroll', close, true);
    await nextTick();
    options.focusOnOpen?.()?.focus();
  }

  const toggle = () => (open.value ? close() : show());

  onBeforeUnmount(close);
  return { open, toggle, close };
}
