/**
 * The role matrix: every GraphQL operation of the schema and every HTTP route of the app, called over HTTP by
 * every role and by nobody, must be let through or refused exactly as its @Public() / @Roles(...) declaration
 * (the ACCESS sets of access-policy.ts) says. Operations are enumerated from the live schema and routes from
 * the live router, so a new operation is covered without touching this file; one that declares nothing fails.
 */
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ROLES, type Role } from '@ogi/domain';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { ACCESS } from '../src/common/access/access-policy.js';
import { declaredAccess, type Access, type DeclaredAccess } from '../src/common/access/declared-access.js';
import { SEED_REPORT, TEST_ADMIN, startTestApp, type ApiClient, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

/** Reasons the access guard gives; anything else means the request got past it. */
const GUARD_REASONS = new Set(['NOT_SIGNED_IN', 'SESSION_EXPIRED', 'ROLE_NOT_ALLOWED', 'CSRF_TOKEN_INVALID']);

/**
 * Arguments for operations whose required arguments cannot be made up from their types alone. Keys are
 * `Query.name` / `Mutation.name`; values are the argument list as written in the call, without parentheses.
 */
const SAMPLE_ARGS: Record<string, string> = {};

type Who = Role | 'anonymous';
const EVERYONE: Who[] = ['anonymous', ...ROLES];

let t: TestApp;
let schema: GraphQLSchema;
let declared: Map<string, Access>;
let seedAgencyId: number;
const clients = new Map<Who, ApiClient>();

/** A fresh session for every role (the walk signs each one out at its end). */
async function signInEveryone(): Promise<void> {
  clients.set('anonymous', t.anonymous);
  clients.set('admin', await t.signIn(TEST_ADMIN.username, TEST_ADMIN.password));
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    clients.set(role, await t.signInAs(role, role === 'department' ? { agencyId: seedAgencyId } : {}));
  }
}

beforeAll(async () => {
  t = await startTestApp();
  const {
    results: [seed],
  } = await t.ingest.ingestPaths([SEED_REPORT]);
  if (seed?.status !== 'stored') throw new Error('the seed report was not stored');
  seedAgencyId = seed.agencyId;
  await signInEveryone();
  schema = t.app.get(GraphQLSchemaHost).schema;
  declared = new Map(declaredAccess(t.app).map((d: DeclaredAccess) => [d.operation, d.access]));
});

afterAll(async () => {
  await t?.close();
});

/** A value of an input type that passes GraphQL validation (the guard must run, so the call has to be valid). */
function sample(type: GraphQLInputType, name: string): string {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return `[${sample(type.ofType, name)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${sample(f.type, f.name)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return '"999999"';
      case 'Int':
        return '1';
      case 'Float':
        return '1.5';
      case 'Boolean':
        return 'false';
      default:
        // Nothing outside this machine may ever be contacted by a test.
        return /url/i.test(name) ? '"http://127.0.0.1:9/access-matrix"' : '"访问矩阵 access matrix"';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

function callOf(kind: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const args = SAMPLE_ARGS[`${kind}.${field.name}`] ?? required.map((a) => `${a.name}: ${sample(a.type, a.name)}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `${kind === 'Mutation' ? 'mutation' : 'query'} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

interface Operation {
  name: string;
  call: string;
  mutation: boolean;
}

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const kind of ['Query', 'Mutation'] as const) {
    const type = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(type?.getFields() ?? {}))
      ops.push({ name: `${kind}.${field.name}`, call: callOf(kind, field), mutation: kind === 'Mutation' });
  }
  // Signing out ends the session the other calls need: last.
  return ops.sort((a, b) => Number(a.name === 'Mutation.logout') - Number(b.name === 'Mutation.logout'));
}

const guardReason = (r: GraphqlResponse<unknown>): string | null => {
  const reasons = (r.errors ?? []).map((e) => String(e.extensions?.['reason'] ?? ''));
  return reasons.find((x) => GUARD_REASONS.has(x)) ?? null;
};

/** What the declaration says should happen to this caller. */
function expected(access: Access, who: Who): 'allowed' | 'NOT_SIGNED_IN' | 'ROLE_NOT_ALLOWED' {
  if (access === 'public') return 'allowed';
  if (who === 'anonymous') return 'NOT_SIGNED_IN';
  return access !== 'undeclared' && access.includes(who) ? 'allowed' : 'ROLE_NOT_ALLOWED';
}

describe('the policy', () => {
  it('is declared on every GraphQL operation of the schema', () => {
    const undeclared = operations()
      .map((op) => op.name)
      .filter((name) => (declared.get(name) ?? 'undeclared') === 'undeclared');
    expect(undeclared).toEqual([]);
  });

  it('opens only signing in and the session query to anonymous callers', () => {
    const open = [...declared].filter(([, a]) => a === 'public').map(([op]) => op);
    expect(open.sort()).toEqual(['GET /api/health', 'Mutation.login', 'Query.session']);
  });

  it('lets a leader (viewer) change nothing but their own sign-in, password and access tokens', () => {
    const mutations = [...declared].filter(([op, a]) => op.startsWith('Mutation.') && a !== 'public' && a !== 'undeclared' && a.includes('viewer'));
    expect(mutations.map(([op]) => op).sort()).toEqual([
      'Mutation.changePassword',
      'Mutation.createAccessToken',
      'Mutation.logout',
      'Mutation.revokeAccessToken',
    ]);
  });

  it('keeps accounts to administrators', () => {
    for (const op of ['Query.users', 'Query.user', 'Mutation.createUser', 'Mutation.updateUser', 'Mutation.resetPassword', 'Mutation.deleteUser']) {
      expect([op, declared.get(op)]).toEqual([op, ACCESS.admin]);
    }
  });
});

describe('every GraphQL operation × every role', () => {
  it('is let through or refused exactly as declared', async () => {
    const outcomes: string[] = [];
    const mismatches: string[] = [];
    for (const op of operations()) {
      const access = declared.get(op.name) ?? 'undeclared';
      for (const who of EVERYONE) {
        const res = await clients.get(who)!.gql(op.call);
        const validation = (res.errors ?? []).find((e) => e.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED');
        if (validation) throw new Error(`${op.name}: the sample call is not valid GraphQL (${validation.message}); add it to SAMPLE_ARGS`);
        const got = guardReason(res) ?? 'allowed';
        const want = expected(access, who);
        outcomes.push(`${op.name} ${who}: ${got}`);
        if (got !== want) mismatches.push(`${op.name} as ${who}: expected ${want}, got ${got} ${JSON.stringify(res.errors ?? [])}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The walk really covered the matrix (and saw both answers).
    expect(outcomes.length).toBe(operations().length * EVERYONE.length);
    expect(outcomes.some((o) => o.endsWith(': allowed'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith(': ROLE_NOT_ALLOWED'))).toBe(true);
    // The walk ended with everyone signing out: the sessions were real, and now they are over.
    expect(guardReason(await clients.get('viewer')!.gql('{ reports { total } }'))).toBe('NOT_SIGNED_IN');
    await signInEveryone();
  });

  it('refuses every non-public mutation without the CSRF header, even to a role that may call it', async () => {
    const checked: string[] = [];
    for (const op of operations().filter((o) => o.mutation && o.name !== 'Mutation.logout')) {
      const access = declared.get(op.name);
      if (!access || access === 'public' || access === 'undeclared') continue;
      const who = access[0]!;
      const client = clients.get(who)!;
      const res = await client.fetch('/graphql', {
        method: 'POST',
        csrf: false,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: op.call }),
      });
      const body = (await res.json()) as GraphqlResponse<unknown>;
      expect([op.name, guardReason(body)]).toEqual([op.name, 'CSRF_TOKEN_INVALID']);
      checked.push(op.name);
    }
    expect(checked).toEqual(expect.arrayContaining(['Mutation.createUser', 'Mutation.changePassword']));
  });
});

describe('every HTTP route × every role', () => {
  /** The routes the Nest router serves, as `METHOD /path`. */
  function routes(): string[] {
    const ops = [...declared.keys()].filter((op) => /^[A-Z]+ \//.test(op));
    expect(ops.length).toBeGreaterThan(0);
    return ops;
  }

  it('is let through or refused exactly as declared', async () => {
    const mismatches: string[] = [];
    for (const route of routes()) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/:\w+/g, '999999');
      for (const who of EVERYONE) {
        const res = await clients.get(who)!.fetch(url, { method: method === 'ALL' ? 'GET' : method, headers: { accept: 'application/json' } });
        const text = await res.text();
        const reason = (() => {
          try {
            return String((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '');
          } catch {
            return '';
          }
        })();
        const got = GUARD_REASONS.has(reason) ? reason : 'allowed';
        const want = expected(declared.get(route)!, who);
        if (got !== want) mismatches.push(`${route} as ${who}: expected ${want}, got ${got} (HTTP ${res.status})`);
        if (got === 'NOT_SIGNED_IN') expect(res.status).toBe(401);
        if (got === 'ROLE_NOT_ALLOWED') expect(res.status).toBe(403);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses an upload without the CSRF header before reading it', async () => {
    const form = new FormData();
    form.append('files', new Blob(['任意内容']), 'x.txt');
    const res = await clients.get('admin')!.fetch('/api/uploads', { method: 'POST', body: form, csrf: false });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
  });

  it('serves the dashboard shell and the health check to anyone', async () => {
    expect((await t.anonymous.fetch('/', { headers: { accept: 'text/html' } })).status).toBe(200);
    expect(await (await t.anonymous.fetch('/api/health')).json()).toEqual({
      status: 'ok',
      database: 'ok',
      embeddedPostgres: { state: 'running', restarts: 0, lastExitAt: null },
    });
  });
});

describe('GraphQL over GET', () => {
  it('never runs a mutation, even with the session cookie and the CSRF header', async () => {
    const query = encodeURIComponent('mutation { logout }');
    const admin = clients.get('admin')!;
    const res = await admin.fetch(`/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
    // Still signed in.
    expect((await admin.gql<{ session: { user: { username: string } } }>('{ session { user { username } } }')).data?.session.user.username).toBe('test.admin');
  });
});

describe('GraphQL introspection', () => {
  it('is closed to anyone not signed in, however it is phrased, and open to every signed-in role', async () => {
    const direct = await t.anonymous.gql('{ __schema { queryType { name } } }');
    expect(direct.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
    expect(direct.data ?? null).toBeNull();
    const hidden = await t.anonymous.gql('query { ...F } fragment F on Query { __type(name: "User") { fields { name } } }');
    expect(hidden.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    for (const role of ROLES) {
      const res = await clients.get(role)!.gql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
      expect([role, res.data?.__schema.queryType.name]).toEqual([role, 'Query']);
    }
  });
});

describe('the GraphQL explorer page (GET /graphql for browsers)', () => {
  it('sends nobody to the sign-in page, refuses roles without ACCESS.analyse, opens for the others', async () => {
    const open = (who: Who) => clients.get(who)!.fetch('/graphql', { headers: { accept: 'text/html' }, redirect: 'manual' });
    const anonymous = await open('anonymous');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/login?redirect=%2Fgraphql');
    for (const role of ROLES) {
      const res = await open(role);
      // 200 with the built explorer, 503 "not built yet" without it: either way, past the check.
      expect([role, res.status === 403 ? 'refused' : 'open']).toEqual([role, (ACCESS.analyse as readonly string[]).includes(role) ? 'open' : 'refused']);
    }
  });
});
