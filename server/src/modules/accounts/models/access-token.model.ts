import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ACCESS_TOKEN_SCOPES, type AccessTokenScope } from '../../../common/access/signed-in-user.js';

export const AccessTokenScopeEnum = Object.fromEntries(ACCESS_TOKEN_SCOPES.map((s) => [s, s])) as { [K in AccessTokenScope]: K };
registerEnumType(AccessTokenScopeEnum, {
  name: 'AccessTokenScope',
  description: "What a personal access token may do, never more than its owner's role and agency allow.",
  valuesMap: {
    read: { description: '只读 Queries and downloads only.' },
    write: { description: '读写 Also mutations (uploads, corrections…) the owner may do.' },
  },
});

@ObjectType('AccessToken', {
  description: 'A personal access token, for scripts: send it as `Authorization: Bearer <token>`. The token itself is shown only once, when created.',
})
export class AccessTokenModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'What its owner called it (e.g. the script that uses it).' })
  name!: string;

  @Field(() => String, { description: 'The first characters of the token, to recognise it.' })
  prefix!: string;

  @Field(() => AccessTokenScopeEnum, { description: 'Read-only, or also mutations.' })
  scope!: AccessTokenScope;

  @Field(() => String, { description: 'The username of its owner.' })
  owner!: string;

  @Field(() => String, { description: 'When it was created (ISO 8601).' })
  createdAt!: string;

  @Field(() => String, { description: 'When it stops working (ISO 8601).' })
  expiresAt!: string;

  @Field(() => String, { nullable: true, description: 'When it was last used (ISO 8601, to the minute), if ever.' })
  lastUsedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was revoked (ISO 8601), if it was.' })
  revokedAt!: string | null;

  @Field(() => Boolean, { description: 'Whether it works now: neither expired nor revoked.' })
  active!: boolean;
}

@ObjectType('CreatedAccessToken', { description: 'A new personal access token. `token` is shown this once and never again: copy it now.' })
export class CreatedAccessTokenModel {
  @Field(() => String, { description: 'The token, to send as `Authorization: Bearer <token>`. Only its hash is stored.' })
  token!: string;

  @Field(() => AccessTokenModel, { description: 'The token as it will be listed.' })
  accessToken!: AccessTokenModel;
}
