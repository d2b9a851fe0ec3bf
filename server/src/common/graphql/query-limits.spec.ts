import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, getIntrospectionQuery, parse, validate, type GraphQLSchema } from 'graphql';
import { buildSchemaText } from '../../graphql-schema.js';
import { LIST_FACTOR, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH, queryLimitsRule, stringifyWithinCap } from './query-limits.js';

const CLIENT_OPERATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'client', 'src', 'graphql');

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = buildSchema(await buildSchemaText());
});

const check = (query: string, variables: Record<string, unknown> = {}) =>
  validate(schema, parse(query), [queryLimitsRule(variables)]).map((e) => ({
    reason: e.extensions['reason'],
    limit: e.extensions['limit'],
    actual: e.extensions['actual'],
  }));

/** `report(id) { agency { reports { agency { … { id } } } } }`: `levels` nested fields, so `levels` + 2 deep. */
function nested(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `agency { ${inner} }` : `reports { ${inner} }`;
  return `{ report(id: "1") { ${inner} } }`;
}

describe('query limits', () => {
  it("lets every operation of the dashboard through, and GraphiQL's schema query", () => {
    const files = readdirSync(CLIENT_OPERATIONS).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(5);
    const read = (f: string) => readFileSync(join(CLIENT_OPERATIONS, f), 'utf8');
    // Each document is sent with the shared fragments it spreads.
    const fragments = files.filter((f) => f.endsWith('.fragment.graphql'));
    const asSent = (f: string) => [f, ...fragments.filter((g) => g !== f)].map(read).join('\n');
    for (const f of files) expect([f, check(asSent(f), { take: 100 })]).toEqual([f, []]);
    expect(check(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toEqual([]);
  });

  it(`refuses more than ${MAX_QUERY_DEPTH} levels, saying how deep it went`, () => {
    expect(check(nested(MAX_QUERY_DEPTH - 2))).toEqual([]);
    expect(check(nested(MAX_QUERY_DEPTH - 1))).toEqual([{ reason: 'QUERY_TOO_DEEP', limit: MAX_QUERY_DEPTH, actual: MAX_QUERY_DEPTH + 1 }]);
  });

  it('counts fragments where they are spread, and survives a fragment cycle', () => {
    const deep = `{ report(id: "1") { ...A } } fragment A on Report { agency { reports { agency { reports { agency { reports { agency { reports { agency { id } } } } } } } } } }`;
    expect(check(deep).map((e) => e.reason)).toEqual(['QUERY_TOO_DEEP']);
    // A cycle is reported by GraphQL's own NoFragmentCycles rule; ours must just terminate.
    expect(check(`{ report(id: "1") { ...A } } fragment A on Report { agency { reports { ...A } } }`)).toEqual([]);
  });

  it('multiplies list selections by the page size asked for, even through a variable', () => {
    // agencies(take) { items { reports { findings { rule } } } }: 1 + (1 + take × (1 + 10 × (1 + 10 × 1))).
    const q = `query($take: Int) { agencies(take: $take) { items { reports { findings { rule } } } } }`;
    const cost = (take: number) => 1 + (1 + take * (1 + LIST_FACTOR * (1 + LIST_FACTOR * 1)));
    expect(cost(100)).toBeLessThan(MAX_QUERY_COMPLEXITY);
    expect(check(q, { take: 100 })).toEqual([]);
    const heavy = `{ agencies(take: 100) { items { reports { agency { reports { findings { rule cells } } } } } } }`;
    expect(check(heavy)).toEqual([{ reason: 'QUERY_TOO_COMPLEX', limit: MAX_QUERY_COMPLEXITY, actual: expect.any(Number) }]);
    expect(check(heavy)[0]!.actual as number).toBeGreaterThan(MAX_QUERY_COMPLEXITY);
  });

  it("costs a report's text by its size: one is fine, forty aliases of it are refused", () => {
    expect(check('{ report(id: "1") { text } }')).toEqual([]);
    const aliases = Array.from({ length: 40 }, (_, i) => `t${i}: text`).join(' ');
    const [refused] = check(`{ report(id: "1") { ${aliases} } }`);
    expect(refused).toEqual({ reason: 'QUERY_TOO_COMPLEX', limit: MAX_QUERY_COMPLEXITY, actual: expect.any(Number) });
    // (Counting stops once past the limit: the figure is at least the limit, not the full 1 + 40 × 5,000.)
    expect(refused!.actual as number).toBeGreaterThan(MAX_QUERY_COMPLEXITY);
    expect(check('{ reports(take: 100) { items { text } } }').map((e) => e.reason)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('counts a connection by the first or last asked for, and by the default page of 50 without either', () => {
    // 10 texts (≈ 50,000) pass; 100 (≈ 500,000) do not, whichever way the page is asked for.
    expect(check('{ reportsConnection(first: 10) { edges { node { text } } } }')).toEqual([]);
    expect(check('{ reportsConnection(first: 100) { edges { node { text } } } }').map((e) => e.reason)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(check('query($n: Int) { reportsConnection(last: $n) { nodes { text } } }', { n: 100 }).map((e) => e.reason)).toEqual(['QUERY_TOO_COMPLEX']);
    // No size given: the page holds 50 (≈ 250,000).
    expect(check('{ reportsConnection { nodes { text } } }').map((e) => e.reason)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('the size of an answer', () => {
  const result = { data: { a: ['报告', 12, null], bb: { c: true } } };
  // {"data":{"a":["报告",12,null],"bb":{"c":true}}} is 49 bytes in UTF-8 (each of 报告 takes 3).
  const printed = '{"data":{"a":["报告",12,null],"bb":{"c":true}}}';

  it('is the JSON as printed, in UTF-8 bytes: an answer within the cap is sent as it is', () => {
    expect(Buffer.byteLength(printed)).toBe(49);
    expect(stringifyWithinCap(49)(result)).toBe(`${printed}\n`);
  });

  it('past the cap, is replaced by an error that gives the cap and the size found', () => {
    const sent = JSON.parse(stringifyWithinCap(48)(result)) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(sent.data).toBeNull();
    expect(sent.errors).toHaveLength(1);
    expect(sent.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE', limit: 48, actual: 49 });
    expect(sent.errors[0]!.message).toMatch(/^查询结果过大/);
  });
});
