import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { buildSchemaText } from '../../graphql-schema.js';
import { queryLimitsRule } from '../graphql/query-limits.js';
import { wantsExplorer } from './graphiql.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const EXAMPLES = JSON.parse(readFileSync(join(ROOT, 'client', 'graphiql', 'examples.json'), 'utf8')) as { title: string; query: string }[];

const request = (method: string, path: string, query: Record<string, string>, accept: string) => ({
  method,
  path,
  query,
  accepts: (types: string[]) => (accept.includes('text/html') ? (types.find((t) => t === 'text/html') ?? false) : types[0]!),
});

describe('GraphiQL at GET /graphql', () => {
  it('answers browsers asking for a page, and leaves GraphQL requests to Apollo', () => {
    expect(wantsExplorer(request('GET', '/graphql', {}, 'text/html,application/xhtml+xml'))).toBe(true);
    expect(wantsExplorer(request('GET', '/graphql', { query: '{ __typename }' }, 'text/html'))).toBe(false);
    expect(wantsExplorer(request('POST', '/graphql', {}, 'text/html'))).toBe(false);
    expect(wantsExplorer(request('GET', '/graphql', {}, 'application/json'))).toBe(false);
    expect(wantsExplorer(request('GET', '/graphql/other', {}, 'text/html'))).toBe(false);
  });

  it('opens with example queries that are valid against the schema, within the limits, and shown in the API guide (docs/graphql.md)', async () => {
    const schema = buildSchema(await buildSchemaText());
    const guide = readFileSync(join(ROOT, 'docs', 'graphql.md'), 'utf8');
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
    for (const e of EXAMPLES) {
      const document = parse(e.query);
      expect([e.title, validate(schema, document).map((x) => x.message)]).toEqual([e.title, []]);
      expect([e.title, validate(schema, document, [queryLimitsRule()]).map((x) => x.message)]).toEqual([e.title, []]);
      expect([e.title, guide.includes(e.query.trim())]).toEqual([e.title, true]);
    }
  });
});
