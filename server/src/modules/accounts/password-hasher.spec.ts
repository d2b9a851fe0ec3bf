import { randomBytes, scryptSync } from 'node:crypto';
import {
  HashingBusyError,
  MAX_CONCURRENT_HASHES,
  MAX_WAITING_HASHES,
  SCRYPT_PARAMS,
  hashPassword,
  peakConcurrentHashes,
  verifyAgainstDecoy,
  verifyPassword,
} from './password-hasher.js';

describe('password hashing (scrypt)', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword('正确的密码 correct horse');
  });

  it('stores the parameters, a salt and the hash — never the password', () => {
    expect(stored).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMS.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(stored).not.toContain('correct');
  });

  it('accepts the password and refuses any other', async () => {
    await expect(verifyPassword('正确的密码 correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码 correct hors', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    expect(await hashPassword('正确的密码 correct horse')).not.toBe(stored);
  });

  it('treats the same characters in another Unicode normal form as the same password', async () => {
    const composed = await hashPassword('caf\u00e9-password');
    await expect(verifyPassword('cafe\u0301-password', composed)).resolves.toBe(true);
  });

  it('refuses malformed or tampered hashes instead of throwing or allocating without bound', async () => {
    for (const bad of [
      '',
      'plain',
      'bcrypt$x',
      stored.replace(`$${SCRYPT_PARAMS.N}$`, '$1073741824$'),
      stored.replace(/\$[\w-]+$/, '$'),
      'scrypt$3$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
    ]) {
      await expect(verifyPassword('正确的密码 correct horse', bad)).resolves.toBe(false);
    }
  });

  it('checks an unknown user against a decoy, always false', async () => {
    await expect(verifyAgainstDecoy('anything')).resolves.toBe(false);
  });
});

describe('bounded hashing', () => {
  // A cheap hash (N = 2^10) in the stored format, so many can be checked quickly.
  const salt = randomBytes(16);
  const cheap = `scrypt$1024$8$1$${salt.toString('base64url')}$${scryptSync('pw-pw-pw-pw', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64url')}`;

  it('runs at most MAX_CONCURRENT_HASHES at once and lets MAX_WAITING_HASHES wait; the next is refused at once', async () => {
    const total = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 3;
    const results = await Promise.allSettled(Array.from({ length: total }, () => verifyPassword('pw-pw-pw-pw', cheap)));
    const accepted = results.filter((r) => r.status === 'fulfilled' && r.value === true).length;
    const busy = results.filter((r) => r.status === 'rejected' && r.reason instanceof HashingBusyError).length;
    expect(accepted).toBe(MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES);
    expect(busy).toBe(3);
    expect(peakConcurrentHashes()).toBe(MAX_CONCURRENT_HASHES);
    // Once the queue drained, hashing works again.
    await expect(verifyPassword('pw-pw-pw-pw', cheap)).resolves.toBe(true);
  });
});
