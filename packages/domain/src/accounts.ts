/**
 * The rules for usernames and passwords, shared by the server (which enforces them) and the dashboard (which
 * explains them before the form is sent).
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{2,64}$/;
export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; bounded so nobody can make the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 200;

export type CredentialProblem = 'USERNAME_FORMAT' | 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_IS_USERNAME';

export const CREDENTIAL_PROBLEM_MESSAGES: Record<CredentialProblem, { zh: string; en: string }> = {
  USERNAME_FORMAT: {
    zh: '用户名须为 2–64 个字符，只能包含英文字母、数字和 . _ @ -。',
    en: 'A username has 2–64 characters: letters, digits and . _ @ - only.',
  },
  PASSWORD_TOO_SHORT: { zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符。`, en: `A password has at least ${PASSWORD_MIN_LENGTH} characters.` },
  PASSWORD_TOO_LONG: { zh: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符。`, en: `A password has at most ${PASSWORD_MAX_LENGTH} characters.` },
  PASSWORD_IS_USERNAME: { zh: '密码不能与用户名相同。', en: 'The password must not be the username.' },
};

export function usernameProblem(username: string): CredentialProblem | null {
  return USERNAME_PATTERN.test(username) ? null : 'USERNAME_FORMAT';
}

/** Length counts characters (a Chinese passphrase counts each character once), after Unicode normalisation. */
export function passwordProblem(password: string, username?: string): CredentialProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  if (username !== undefined && password.trim().toLowerCase() === username.trim().toLowerCase()) return 'PASSWORD_IS_USERNAME';
  return null;
}
