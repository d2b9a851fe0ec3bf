import { customRef, onScopeDispose } from 'vue';

/** A ref whose readers see a new value only once writes have paused for `delayMs`. */
export function useDebouncedRef<T>(initial: T, delayMs = 250) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let value = initial;
  onScopeDispose(() => clearTimeout(timer));
  return customRef<T>((track, trigger) => ({
    get() {
      track();
      return value;
    },
    set(next) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        value = next;
        trigger();
      }, delayMs);
    },
  }));
}
