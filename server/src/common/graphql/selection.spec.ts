import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { asksFor } from './selection.js';

/** The resolver's view of an operation whose first field is the one resolved. */
function infoOf(source: string) {
  const doc = parse(source);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('asksFor', () => {
  it('sees the fields asked, directly and at depth', () => {
    const info = infoOf('{ compare { agencies { id } values { value evidence { sentence } } } }');
    expect(asksFor(info, ['agencies'])).toBe(true);
    expect(asksFor(info, ['values'])).toBe(true);
    expect(asksFor(info, ['values', 'evidence'])).toBe(true);
    expect(asksFor(info, ['years'])).toBe(false);
  });

  it('does not see fields that were not asked', () => {
    const info = infoOf('{ compare { agencies { id name } } }');
    expect(asksFor(info, ['values'])).toBe(false);
    expect(asksFor(info, ['values', 'evidence'])).toBe(false);
  });

  it('follows named and inline fragments, and aliases do not hide a field', () => {
    const info = infoOf(`
      query { compare { ...Parts } }
      fragment Parts on Comparison { rows: values { ... on MetricValue { ...Basis } } }
      fragment Basis on MetricValue { evidence { kind } }`);
    expect(asksFor(info, ['values'])).toBe(true);
    expect(asksFor(info, ['values', 'evidence'])).toBe(true);
    expect(asksFor(info, ['agencies'])).toBe(false);
  });

  it('stops at a fragment that spreads itself', () => {
    const info = infoOf('query { compare { ...Loop } } fragment Loop on Comparison { ...Loop agencies { id } }');
    expect(asksFor(info, ['agencies'])).toBe(true);
    expect(asksFor(info, ['values'])).toBe(false);
  });
});
