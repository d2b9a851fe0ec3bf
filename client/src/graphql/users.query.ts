import type { Role } from '@ogi/domain';
import { defineOperation } from './client';
import changePasswordDocument from './change-password.mutation.graphql?raw';
import createUserDocument from './create-user.mutation.graphql?raw';
import deleteUserDocument from './delete-user.mutation.graphql?raw';
import resetPasswordDocument from './reset-password.mutation.graphql?raw';
import updateUserDocument from './update-user.mutation.graphql?raw';
import usersDocument from './users.query.graphql?raw';

/** One account as the users page lists it. */
export interface UserResult {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The agency a department user reports for. */
  agency: { id: string; name: string } | null;
  disabled: boolean;
  /** Until when sign-in is refused after repeated wrong passwords (ISO 8601), null when not locked. */
  lockedUntil: string | null;
  /** Last successful sign-in (ISO 8601), null when never. */
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UsersQueryVariables {
  search?: string | null;
  skip?: number;
  take?: number;
}

export const UsersQuery = defineOperation<{ users: { total: number; items: UserResult[] } }, UsersQueryVariables>(usersDocument);

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  password: string;
}

export const CreateUserMutation = defineOperation<{ createUser: { id: string; username: string } }, { input: CreateUserInput }>(createUserDocument);

export interface UpdateUserInput {
  id: string;
  displayName?: string;
  role?: Role;
  agencyId?: string | null;
  disabled?: boolean;
  unlock?: boolean;
}

export const UpdateUserMutation = defineOperation<
  { updateUser: { id: string; username: string; role: Role; disabled: boolean; lockedUntil: string | null } },
  { input: UpdateUserInput }
>(updateUserDocument);

export const ResetPasswordMutation = defineOperation<{ resetPassword: boolean }, { id: string; newPassword: string }>(resetPasswordDocument);

export const DeleteUserMutation = defineOperation<{ deleteUser: boolean }, { id: string }>(deleteUserDocument);

export const ChangePasswordMutation = defineOperation<{ changePassword: boolean }, { currentPassword: string; newPassword: string }>(changePasswordDocument);
