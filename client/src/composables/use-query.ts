import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiError, request } from '../graphql/client';

/** The Prioritized Task Scheduling API's `scheduler.yield()` where the browser has it; elsewhere nothing. */
function yieldToBrowser(): Promise<void> | undefined {
  return (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.();
}

export interface QueryState<TResult> {
  /** The last successful result; kept while a new one loads, so the page does not flash empty. */
  data: ShallowRef<TResult | null>;
  error: ShallowRef<ApiError | null>;
  loading: Ref<boolean>;
  refetch: () => Promise<void>;
}

/**
 * Runs a query now and again whenever its variables change. `variables` returning null skips the query.
 * A newer request aborts the one in flight, so a slow answer never overwrites a newer one.
 */
export function useQuery<TResult, TVariables>(operation: TypedDocumentNode<TResult, TVariables>, variables: () => TVariables | null): QueryState<TResult> {
  const data = shallowRef<TResult | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const loading = ref(false);
  let controller: AbortController | null = null;

  async function run() {
    controller?.abort();
    const vars = variables();
    if (vars === null) {
      loading.value = false;
      return;
    }
    const own = (controller = new AbortController());
    loading.value = true;
    error.value = null;
    try {
      const result = await request(operation, vars, { signal: own.signal });
      // Let the browser breathe between reading a large answer and drawing it (two tasks, not one long one).
      await yieldToBrowser();
      if (own.signal.aborted) return;
      data.value = result;
    } catch (e) {
      if (own.signal.aborted) return;
      error.value = e instanceof ApiError ? e : new ApiError('network', e instanceof Error ? e.message : String(e));
    } finally {
      if (controller === own) loading.value = false;
    }
  }

  watch(
    () => JSON.stringify(variables()),
    () => void run(),
    { immediate: true },
  );
  onScopeDispose(() => controller?.abort());

  return { data, error, loading, refetch: run };
}
