import { defineOperation } from './client';
import createDocument from './create-access-token.mutation.graphql?raw';
import myTokensDocument from './my-access-tokens.query.graphql?raw';
import revokeDocument from './revoke-access-token.mutation.graphql?raw';

export type AccessTokenScope = 'read' | 'write';

/** A personal access token as the account page lists it (never the token itself). */
export interface AccessTokenResult {
  id: string;
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  scope: AccessTokenScope;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Neither expired nor revoked. */
  active: boolean;
}

export const MyAccessTokensQuery = defineOperation<{ myAccessTokens: AccessTokenResult[] }>(myTokensDocument);

export const CreateAccessTokenMutation = defineOperation<
  { createAccessToken: { token: string; accessToken: AccessTokenResult } },
  { input: { name: string; scope: AccessTokenScope; expiresInDays: number } }
>(createDocument);

export const RevokeAccessTokenMutation = defineOperation<{ revokeAccessToken: Pick<AccessTokenResult, 'id' | 'active' | 'revokedAt'> }, { id: string }>(
  revokeDocument,
);
