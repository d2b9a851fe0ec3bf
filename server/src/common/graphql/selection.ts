/**
 * Which fields an operation asks of a resolver's result, so that work whose answer nobody asked for is not done
 * (a page that needs the agencies' names of a comparison, not its 250,000 values). Fragments and inline fragments
 * are followed; a field under `@include(if: false)` / `@skip(if: true)` counts as asked: doing a little too much is
 * safe, leaving out what was asked is not.
 */
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The selection sets of the fields named `name` among these selections (through fragments). */
function childSelections(sets: readonly SelectionSetNode[], name: string, fragments: Record<string, FragmentDefinitionNode>): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === name) found.push(s.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] });
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        visit(s.selectionSet, seen);
      } else if (!seen.has(s.name.value) && fragments[s.name.value]) {
        visit(fragments[s.name.value]!.selectionSet, new Set(seen).add(s.name.value));
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return found;
}

/** Whether the operation asks for the field at this path below the resolver's own field, e.g. `['values', 'evidence']`. */
export function asksFor(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): boolean {
  let sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const name of path) {
    sets = childSelections(sets, name, info.fragments);
    if (!sets.length) return false;
  }
  return true;
}
