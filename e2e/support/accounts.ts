/**
 * The accounts the journeys use. The server under test creates the administrator on its first start from
 * ADMIN_USERNAME / ADMIN_PASSWORD (playwright.config.ts passes these); `auth.setup.ts` signs in through the real
 * sign-in page once and saves the session cookie in STORAGE_STATE, which every journey starts from.
 */
import { fileURLToPath } from 'node:url';

export const E2E_ADMIN = { username: 'e2e.admin', password: 'e2e-admin-password', displayName: '测试管理员' };

/** The saved browser state (session cookie) of the signed-in administrator; git-ignored. */
export const STORAGE_STATE = fileURLToPath(new URL('../.auth/admin.json', import.meta.url));

/** A browser state with no session: for journeys that start signed out. */
export const SIGNED_OUT = { cookies: [], origins: [] };
