/**
 * Hostile sign-ins against the real server: a parallel burst of guesses at one account, guesses at usernames that
 * do not exist, a disabled account, the per-address limit, and a flood of anonymous sign-ins while a signed-in
 * clerk keeps working. Prints the figures: guesses checked in a burst, peak concurrent hashes, p95 of the
 * signed-in requests during the flood.
 */
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { peakConcurrentHashes, MAX_CONCURRENT_HASHES } from '../../src/modules/accounts/password-hasher.js';
import { percentile, printFigure } from './figures.js';
import { addressOf, signIn, signInBurst, tally } from './generators/sign-in-burst.js';

let t: TestApp;

beforeAll(async () => {
  // Every sign-in below comes from its own address (X-Forwarded-For behind a trusted loopback proxy), except in
  // the per-address test; 5 failures per address, 5 per account.
  t = await startTestApp({ TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '5', LOGIN_MAX_FAILURES: '5', LOCKOUT_MINUTES: '15' });
});

afterAll(async () => {
  await t?.close();
});

async function makeUser(username: string): Promise<string> {
  const password = `${username}-right-password`;
  const res = await t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { username, displayName: username, role: 'viewer', password },
  });
  expect(res.errors).toBeUndefined();
  return password;
}

const lockedNow = async (username: string) =>
  (await t.dataSource.query<{ locked: boolean }[]>(`SELECT COALESCE(locked_until > now(), false) AS locked FROM app_user WHERE username = $1`, [username]))[0]!
    .locked;

describe('a parallel burst of guesses at one account', () => {
  it('checks at most 5 guesses: the rest, and the right password sent in the same burst, are refused as locked', async () => {
    const password = await makeUser('burst.target');
    const guesses = Array.from({ length: 24 }, (_, i) => ({ username: 'burst.target', password: `wrong-guess-${i}`, ip: addressOf(i) }));
    const answers = await signInBurst(t.url, [...guesses, { username: 'burst.target', password, ip: addressOf(24) }]);
    const counts = tally(answers);
    printFigure('lockout: wrong guesses answered INVALID_CREDENTIALS out of 24 parallel', counts['INVALID_CREDENTIALS'] ?? 0);
    // 5 guesses are checked; the 5th locks, so it is answered ACCOUNT_LOCKED like all that come after.
    expect(counts['INVALID_CREDENTIALS']).toBe(4);
    expect(counts['ACCOUNT_LOCKED']).toBe(21);
    expect(answers[24]!.outcome).toBe('ACCOUNT_LOCKED');
    expect(await lockedNow('burst.target')).toBe(true);
  });

  it('lets the right password in on its own and starts the count afresh: a success is not a failure', async () => {
    const password = await makeUser('steady.clerk');
    for (let i = 0; i < 4; i++)
      expect((await signIn(t.url, { username: 'steady.clerk', password: 'wrong-password', ip: addressOf(100 + i) })).outcome).toBe('INVALID_CREDENTIALS');
    expect((await signIn(t.url, { username: 'steady.clerk', password, ip: addressOf(104) })).outcome).toBe('SIGNED_IN');
    const after = await signInBurst(
      t.url,
      [0, 1, 2, 3].map((i) => ({ username: 'steady.clerk', password: 'wrong-password', ip: addressOf(110 + i) })),
    );
    expect(tally(after)).toEqual({ INVALID_CREDENTIALS: 4 });
    expect(await lockedNow('steady.clerk')).toBe(false);
  });
});

describe('what a refusal gives away', () => {
  it('locks a username that does not exist exactly like a real one, so ACCOUNT_LOCKED names no real user', async () => {
    await makeUser('real.person');
    const answer = async (username: string, i: number) => (await signIn(t.url, { username, password: 'not-the-password', ip: addressOf(120 + i) })).outcome;
    const forReal: string[] = [];
    const forGhost: string[] = [];
    for (let i = 0; i < 6; i++) forReal.push(await answer('real.person', i));
    for (let i = 0; i < 6; i++) forGhost.push(await answer('ghost.person', 10 + i));
    expect(forReal).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    expect(forGhost).toEqual(forReal);
  });

  it('answers a disabled account with the right password exactly like a wrong one', async () => {
    const password = await makeUser('gone.clerk');
    const [{ id }] = (await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'gone.clerk'`)) as [{ id: number }];
    expect(
      (await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { disabled } }', { i: { id: String(id), disabled: true } })).errors,
    ).toBeUndefined();
    const right = await signIn(t.url, { username: 'gone.clerk', password, ip: addressOf(140) });
    const wrong = await signIn(t.url, { username: 'gone.clerk', password: 'a-wrong-password', ip: addressOf(141) });
    expect(right).toEqual(wrong);
    expect(right.outcome).toBe('INVALID_CREDENTIALS');
    expect(right.message).toMatch(/已停用的账号也会如此提示/);
  });
});

describe('the per-address limit', () => {
  it('counts failed sign-ins only: an office signing in often from one address is never refused', async () => {
    const password = await makeUser('busy.office');
    const ip = '192.0.2.50';
    for (let i = 0; i < 7; i++) expect((await signIn(t.url, { username: 'busy.office', password, ip })).outcome).toBe('SIGNED_IN');
    // Five failures (spread over other names, so no account locks) use the address's allowance; the sixth is refused.
    const failures = await signInBurst(
      t.url,
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ username: `someone.${i}`, password: 'guess-password', ip })),
    );
    expect(tally(failures)).toEqual({ INVALID_CREDENTIALS: 5, RATE_LIMITED: 3 });
  });
});

describe('a flood of anonymous sign-ins', () => {
  it('hashes at most two passwords at once and keeps signed-in requests and the dashboard answering', async () => {
    const clerk = await t.signInAs('viewer');
    const flood = signInBurst(
      t.url,
      Array.from({ length: 40 }, (_, i) => ({ username: `flood.${i}`, password: 'flood-password', ip: addressOf(150 + i) })),
    );
    const latencies: number[] = [];
    let failures = 0;
    let floodDone = false;
    void flood.finally(() => (floodDone = true));
    // The signed-in clerk keeps querying and loading the dashboard's page while the flood lasts.
    while (!floodDone || latencies.length < 10) {
      const started = performance.now();
      const [query, page] = await Promise.all([clerk.gql<{ session: { user: { username: string } } }>('{ session { user { username } } }'), clerk.fetch('/')]);
      latencies.push(performance.now() - started);
      if (query.data?.session.user.username !== clerk.user!.username || page.status !== 200) failures++;
      await page.arrayBuffer();
    }
    const counts = tally(await flood);
    printFigure('sign-in flood: 40 anonymous attempts answered', JSON.stringify(counts));
    printFigure('sign-in flood: p95 of a signed-in query + dashboard page (ms)', percentile(latencies, 95).toFixed(0));
    printFigure('sign-in flood: peak concurrent password hashes', peakConcurrentHashes());
    expect(failures).toBe(0);
    expect(peakConcurrentHashes()).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
    // Every attempt got a clear answer: refused as wrong, or asked to retry because too many were being checked.
    expect(Object.keys(counts).every((outcome) => ['INVALID_CREDENTIALS', 'SIGN_IN_BUSY'].includes(outcome))).toBe(true);
    expect(counts['SIGN_IN_BUSY']).toBeGreaterThan(0);
  });
});
