import { reactive, watch, type MaybeRefOrGetter, toValue } from 'vue';
import { requestText } from '../graphql/client';

/**
 * Names of agencies known by id — for the chips of a selection read from a shared URL. Names the picker or a
 * query has already seen are remembered for the session (a lookup cache, not application state); unknown
 * ones are fetched in one request with one aliased `agency(id)` field per id.
 */
const names = reactive(new Map<string, string>());

export function rememberAgencyNames(agencies: Iterable<{ id: string; name: string }>) {
  for (const a of agencies) names.set(a.id, a.name);
}

const MAX_LOOKUP = 50;

/** The aliased document for some ids (ids travel as variables, never spliced into the text). */
export function agencyNamesDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `a${i}: agency(id: $id${i}) { id name }`).join(' ');
  return `query AgencyNames(${vars}) { ${fields} }`;
}

async function lookup(ids: string[]) {
  const batch = ids.slice(0, MAX_LOOKUP);
  try {
    const data = await requestText<Record<string, { id: string; name: string } | null>>(
      agencyNamesDocument(batch.length),
      Object.fromEntries(batch.map((id, i) => [`id${i}`, id])),
    );
    rememberAgencyNames(Object.values(data).filter((a): a is { id: string; name: string } => a !== null));
  } catch {
    // An id that no longer exists makes the lookup fail; the chip then shows the id, which is still usable.
  }
}

export function useAgencyNames(ids: MaybeRefOrGetter<readonly string[]>) {
  watch(
    () => toValue(ids).filter((id) => !names.has(id)),
    (missing) => {
      if (missing.length) void lookup(missing);
    },
    { immediate: true },
  );
  return (id: string) => names.get(id) ?? null;
}
