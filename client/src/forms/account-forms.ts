/**
 * The account forms' rules and messages, shared by the users page (create, reset) and the account page (change
 * your own password). The password and username rules are the server's own (@ogi/domain accounts.ts), so a form
 * says what is wrong before anything is sent; the server checks again and its refusals are explained by their
 * reason code (never by their text).
 */
import { CREDENTIAL_PROBLEM_MESSAGES, passwordProblem, usernameProblem, type CredentialProblem, type Role } from '@ogi/domain';
import { ApiError } from '../graphql/client';
import type { MessageKey, MessageParams } from '../locales';

/** A message of the forms: one of the catalogue's, or one of the domain's credential rules (bilingual there). */
export type FormMessage = { key: MessageKey; params?: MessageParams } | { problem: CredentialProblem };

export const isCredentialProblem = (value: unknown): value is CredentialProblem => typeof value === 'string' && value in CREDENTIAL_PROBLEM_MESSAGES;

/** The message in the current language (`pick` chooses the Chinese or English of the domain's pair). */
export function formMessageText(
  message: FormMessage,
  t: (key: MessageKey, params?: MessageParams) => string,
  pick: (zh: string, en: string) => string,
): string {
  if ('problem' in message) {
    const m = CREDENTIAL_PROBLEM_MESSAGES[message.problem];
    return pick(m.zh, m.en);
  }
  return t(message.key, message.params);
}

export interface NewUserForm {
  username: string;
  displayName: string;
  role: Role | '';
  agencyId: string | null;
  password: string;
  repeat: string;
}

export type NewUserField = 'username' | 'role' | 'agency' | 'password' | 'repeat';

/** What is wrong with a new account, field by field (empty when it may be sent). */
export function newUserProblems(form: NewUserForm): Partial<Record<NewUserField, FormMessage>> {
  const problems: Partial<Record<NewUserField, FormMessage>> = {};
  const username = form.username.trim();
  const badName = usernameProblem(username);
  if (badName) problems.username = { problem: badName };
  if (!form.role) problems.role = { key: 'users.form.roleNeeded' };
  if (form.role === 'department' && !form.agencyId) problems.agency = { key: 'users.form.agencyNeeded' };
  const badPassword = passwordProblem(form.password, username);
  if (badPassword) problems.password = { problem: badPassword };
  else if (form.repeat !== form.password) problems.repeat = { key: 'account.repeatMismatch' };
  return problems;
}

export interface PasswordChangeForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export type PasswordChangeField = 'currentPassword' | 'newPassword' | 'repeat';

/** What is wrong with a change of one's own password (empty when it may be sent). */
export function passwordChangeProblems(form: PasswordChangeForm, username: string): Partial<Record<PasswordChangeField, FormMessage>> {
  const problems: Partial<Record<PasswordChangeField, FormMessage>> = {};
  if (!form.currentPassword) problems.currentPassword = { key: 'account.currentNeeded' };
  const bad = passwordProblem(form.newPassword, username);
  if (bad) problems.newPassword = { problem: bad };
  else if (form.newPassword === form.currentPassword) problems.newPassword = { key: 'account.sameAsCurrent' };
  else if (form.repeat !== form.newPassword) problems.repeat = { key: 'account.repeatMismatch' };
  return problems;
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A temporary password for a reset: 16 characters drawn without bias from TEMPORARY_ALPHABET by the browser's
 * cryptographic random source. The server only accepts the password it is given, so the page makes one and shows
 * it once; the user changes it on the account page.
 */
export function temporaryPassword(randomBytes: (count: number) => Uint8Array = (count) => crypto.getRandomValues(new Uint8Array(count))): string {
  const n = TEMPORARY_ALPHABET.length;
  const limit = 256 - (256 % n); // bytes at or above this would favour the first letters
  let out = '';
  while (out.length < 16) {
    for (const byte of randomBytes(32)) {
      if (byte < limit && out.length < 16) out += TEMPORARY_ALPHABET[byte % n];
    }
  }
  return out;
}

/**
 * Why the server refused an account operation, by its reason code (`extensions.reason`) or API code. A refusal
 * this page does not know is shown with the server's own (bilingual) message rather than hidden.
 */
export function accountErrorMessage(error: unknown): FormMessage {
  if (!(error instanceof ApiError)) return { key: 'account.errors.unknown' };
  if (error.kind === 'network') return { key: 'account.errors.network' };
  if (error.kind === 'http') return { key: 'errors.http', params: { status: error.status ?? '?' } };
  const reasons = error.reasons;
  const has = (reason: string) => reasons.includes(reason);
  if (has('WEAK_CREDENTIALS')) {
    const problem = error.details?.['problem'];
    return isCredentialProblem(problem) ? { problem } : { key: 'account.errors.weak' };
  }
  if (has('WRONG_CURRENT_PASSWORD')) return { key: 'account.errors.wrongCurrent' };
  if (has('USERNAME_TAKEN')) return { key: 'account.errors.usernameTaken', params: { username: String(error.details?.['username'] ?? '') } };
  if (has('USER_NOT_FOUND')) return { key: 'account.errors.userNotFound' };
  if (has('AGENCY_INVALID')) return { key: 'account.errors.agencyInvalid' };
  if (has('LAST_ADMIN')) return { key: 'account.errors.lastAdmin' };
  if (has('OWN_ACCOUNT')) return { key: 'account.errors.ownAccount' };
  if (has('NOT_SIGNED_IN') || has('SESSION_EXPIRED')) return { key: 'account.errors.signedOut' };
  if (has('CSRF_TOKEN_INVALID')) return { key: 'account.errors.csrf' };
  if (error.codes.includes('FORBIDDEN')) return { key: 'account.errors.forbidden' };
  if (error.codes.includes('RATE_LIMITED')) return { key: 'account.errors.rateLimited' };
  if (error.codes.includes('DATABASE_UNAVAILABLE')) return { key: 'account.errors.unavailable' };
  if (error.codes.includes('BAD_USER_INPUT')) return { key: 'account.errors.badInput', params: { message: error.message } };
  return { key: 'errors.graphql', params: { message: error.message } };
}
