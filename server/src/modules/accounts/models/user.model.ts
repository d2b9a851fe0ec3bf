import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, ROLE_LABELS, type Role } from '@ogi/domain';

/** The roles as a GraphQL enum, with their labels as descriptions. */
export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a user may do (see docs/security.md).',
  valuesMap: Object.fromEntries(ROLES.map((r) => [r, { description: `${ROLE_LABELS[r].zh} ${ROLE_LABELS[r].en}` }])),
});

@ObjectType('User', { description: 'Someone who can sign in.' })
export class UserModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'What they sign in with (letters, digits, . _ @ -; case does not matter).' })
  username!: string;

  @Field(() => String, { description: 'Their name as shown in the dashboard.' })
  displayName!: string;

  @Field(() => RoleEnum, { description: 'What they may do.' })
  role!: Role;

  @Field(() => Boolean, { description: 'A disabled user cannot sign in.' })
  disabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Until when sign-in is refused after repeated wrong passwords (ISO 8601), if now locked.' })
  lockedUntil!: string | null;

  @Field(() => String, { nullable: true, description: 'Last successful sign-in (ISO 8601).' })
  lastLoginAt!: string | null;

  @Field(() => String, { description: 'When the account was created (ISO 8601).' })
  createdAt!: string;

  /** Internal: the department user's agency key, resolved by `agency`. */
  agencyId!: number | null;
}

@ObjectType('UserPage', { description: 'A page of users.' })
export class UserPageModel {
  @Field(() => [UserModel], { description: 'The users of this page, by username.' })
  items!: UserModel[];

  @Field(() => Int, { description: 'How many users match in all.' })
  total!: number;
}

@ObjectType('Session', { description: 'The signed-in user and what their browser needs to keep working.' })
export class SessionModel {
  @Field(() => UserModel, { description: 'Who is signed in.' })
  user!: UserModel;

  @Field(() => String, { description: 'Send this in the `x-csrf-token` header with every mutation and upload.' })
  csrfToken!: string;

  @Field(() => String, { description: 'When the session ends at the latest (ISO 8601); it ends earlier after a long idle time.' })
  expiresAt!: string;
}
