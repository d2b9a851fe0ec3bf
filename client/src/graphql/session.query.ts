import type { Role } from '@ogi/domain';
import { defineOperation } from './client';
import loginDocument from './login.mutation.graphql?raw';
import logoutDocument from './logout.mutation.graphql?raw';
import sessionDocument from './session.query.graphql?raw';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** A department user's agency. */
  agency: { id: string; name: string } | null;
}

export interface SessionInfo {
  csrfToken: string;
  expiresAt: string;
  user: SessionUser;
}

export const SessionQuery = defineOperation<{ session: SessionInfo | null }>(sessionDocument);
export const LoginMutation = defineOperation<{ login: SessionInfo }, { username: string; password: string }>(loginDocument);
export const LogoutMutation = defineOperation<{ logout: boolean }>(logoutDocument);
