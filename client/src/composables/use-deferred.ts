import { onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue';

/**
 * A copy of `source` that takes each new value one task later. A page gives its chart the deferred copy and
 * its table the source: when thousands of rows arrive, the table updates in one task and the chart's option is
 * built in the next, so neither makes a long task of both.
 */
export function useDeferred<T>(source: Ref<T>): ShallowRef<T> {
  const deferred = shallowRef(source.value) as ShallowRef<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(source, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => (deferred.value = value), 0);
  });
  onScopeDispose(() => clearTimeout(timer));
  return deferred;
}
