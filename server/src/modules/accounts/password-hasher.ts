/**
 * Passwords are stored as scrypt hashes (memory-hard: every guess costs 128 MiB and about half a second), in a
 * self-describing string `scrypt$N$r$p$salt$hash` so the parameters can be raised later without breaking the
 * hashes already stored. Node's own crypto: no native package to build.
 *
 * scrypt runs in libuv's thread pool (4 threads), the same pool that reads the dashboard's files and answers DNS.
 * At most `MAX_CONCURRENT_HASHES` derivations run at once and at most `MAX_WAITING_HASHES` wait for a turn; past
 * that a hash is refused at once (`HashingBusyError`), so a sign-in flood costs at most 256 MiB and two threads
 * and leaves the others to everyone else.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AccountsException } from './accounts.exception.js';

/** OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export const MAX_CONCURRENT_HASHES = 2;
export const MAX_WAITING_HASHES = 16;

/** Too many passwords are being checked at once: the caller should refuse the request and ask to retry. */
export class HashingBusyError extends Error {
  constructor() {
    super('too many password hashes waiting');
    this.name = 'HashingBusyError';
  }
}

let running = 0;
let mostRunning = 0;
const waiting: (() => void)[] = [];

/** The most derivations that ever ran at once in this process (what the hostile suite checks and prints). */
export function peakConcurrentHashes(): number {
  return mostRunning;
}

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES) throw new HashingBusyError();
    // A finishing derivation hands its turn straight to the next in line (`running` stays counted), so no
    // newcomer can slip in between.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running++;
  mostRunning = Math.max(mostRunning, running);
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return inTurn(
    () =>
      new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, SCRYPT_PARAMS, KEY_LENGTH);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** False for a wrong password and for anything that is not a hash this module wrote. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a tampered row from asking for gigabytes of memory.
  if (![N, r, p].every(Number.isInteger) || N < 2 ** 10 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || expected.length < 16) return false;
  const actual = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a password nobody knows, checked when a login names no user, so that an unknown username costs as
 * long as a wrong password and response times do not tell which usernames exist.
 */
let decoy: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(password, await decoy);
  return false;
}

/** Runs hashing work; too many hashes at once is answered like a rate limit (SIGN_IN_BUSY): try again shortly. */
export async function refusedWhenBusy<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof HashingBusyError) throw AccountsException.busy();
    throw err;
  }
}
