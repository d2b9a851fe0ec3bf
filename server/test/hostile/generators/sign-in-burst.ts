/**
 * Sign-in bursts: many `login` mutations sent at once, each from its own client address (X-Forwarded-For, the
 * server trusting loopback as its proxy), answered with their error reasons.
 */
import type { GraphqlResponse } from '../../helpers/test-app.js';

export interface SignInAttempt {
  username: string;
  password: string;
  ip: string;
}

export interface SignInAnswer {
  /** `SIGNED_IN`, or the refusal's reason (INVALID_CREDENTIALS, ACCOUNT_LOCKED, SIGN_IN_BUSY, RATE_LIMITED…). */
  outcome: string;
  message: string | null;
}

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { username } } }';

export async function signIn(url: string, attempt: SignInAttempt): Promise<SignInAnswer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': attempt.ip },
    body: JSON.stringify({ query: LOGIN, variables: { u: attempt.username, p: attempt.password } }),
  });
  const body = (await res.json()) as GraphqlResponse<{ login: { user: { username: string } } }>;
  if (body.data?.login) return { outcome: 'SIGNED_IN', message: null };
  const error = body.errors?.[0];
  return { outcome: String(error?.extensions?.['reason'] ?? error?.extensions?.['code'] ?? 'NO_ANSWER'), message: error?.message ?? null };
}

/** Sends every attempt at once; answers in the order of the attempts. */
export function signInBurst(url: string, attempts: SignInAttempt[]): Promise<SignInAnswer[]> {
  return Promise.all(attempts.map((a) => signIn(url, a)));
}

/** How many answers had each outcome. */
export function tally(answers: SignInAnswer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[a.outcome] = (out[a.outcome] ?? 0) + 1;
  return out;
}

/** A distinct documentation address (TEST-NET-3) per attempt number. */
export const addressOf = (n: number): string => `203.0.113.${(n % 250) + 1}`;
