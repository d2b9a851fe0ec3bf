/**
 * GraphQL over HTTP as the signed-in administrator, for journeys that need data or accounts set up first. Uses
 * Playwright's request context, which carries the saved session cookie; mutations carry the session's CSRF token.
 */
import { expect, type APIRequestContext } from '@playwright/test';

export interface Api {
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  csrfToken: string;
}

export async function adminApi(request: APIRequestContext): Promise<Api> {
  const session = await request.post('/graphql', { data: { query: '{ session { csrfToken } }' } });
  const token = ((await session.json()) as { data: { session: { csrfToken: string } | null } }).data.session?.csrfToken;
  expect(token, 'the administrator session of auth.setup.ts').toBeTruthy();
  return {
    csrfToken: token!,
    async gql<T>(query: string, variables: Record<string, unknown> = {}) {
      const res = await request.post('/graphql', { data: { query, variables }, headers: { 'x-csrf-token': token! } });
      const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
      expect(body.errors, `GraphQL errors of ${query}`).toBeUndefined();
      return body.data!;
    },
  };
}

/** Creates an account (as the administrator) and returns its credentials. */
export async function createUser(
  api: Api,
  user: { username: string; displayName: string; role: string; agencyId?: string | null },
): Promise<{ username: string; password: string }> {
  const password = `${user.username}-password`;
  await api.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { ...user, password } });
  return { username: user.username, password };
}
