import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ACCESS } from '../../common/access/access-policy.js';
import { CurrentUser, Roles } from '../../common/access/access.decorators.js';
import { ALL_AGENCIES } from '../../common/access/agency-scope.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import { parseId } from '../../common/graphql/ids.js';
import { paging } from '../../common/graphql/paging.args.js';
import type { GraphqlContext, LoaderFactory } from '../../common/graphql/request-loaders.js';
import { AgenciesService, type AgencyLoaders } from '../agencies/agencies.service.js';
import { AgencyModel } from '../agencies/models/agency.model.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { ResetPasswordArgs } from './dto/reset-password.args.js';
import { UpdateUserInput } from './dto/update-user.input.js';
import { UserIdArgs } from './dto/user-id.args.js';
import { UsersArgs } from './dto/users.args.js';
import { UserModel, UserPageModel } from './models/user.model.js';
import { UsersService } from './users.service.js';

const agencyKey = (id: string | null | undefined): number | null | undefined => (id === undefined ? undefined : id === null ? null : parseId(id));

/** Managing accounts: administrators only. */
@Resolver(() => UserModel)
export class UsersResolver {
  /**
   * A user's agency is shown only to that user (their session, even while signing in — before the request has a
   * scope) and to administrators, who may see every agency: it is loaded outside the request's scope.
   */
  private readonly agencyOfUser: LoaderFactory<AgencyLoaders>;

  constructor(
    private readonly users: UsersService,
    agencies: AgenciesService,
  ) {
    this.agencyOfUser = { createLoaders: () => agencies.createLoaders(ALL_AGENCIES) };
  }

  @Query(() => UserPageModel, { name: 'users', description: 'Accounts by username (administrators only).' })
  @Roles(...ACCESS.admin)
  userPage(@Args() args: UsersArgs): Promise<UserPageModel> {
    const { take, skip } = paging(args);
    return this.users.findPage(args.search, take, skip);
  }

  @Query(() => UserModel, { nullable: true, description: 'One account (administrators only). An unknown id is NOT_FOUND.' })
  @Roles(...ACCESS.admin)
  user(@Args() args: UserIdArgs): Promise<UserModel> {
    return this.users.getById(args.id);
  }

  @Mutation(() => UserModel, { description: 'Creates an account (administrators only). A department user needs its agency.' })
  @Roles(...ACCESS.admin)
  createUser(@Args('input', { description: 'The new account.' }) input: CreateUserInput, @CurrentUser() actor: SignedInUser): Promise<UserModel> {
    return this.users.create(
      {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        agencyId: agencyKey(input.agencyId) ?? null,
        password: input.password,
      },
      actor,
    );
  }

  @Mutation(() => UserModel, { description: "Changes an account (administrators only). A new role or disabling ends the user's sessions." })
  @Roles(...ACCESS.admin)
  updateUser(@Args('input', { description: 'What to change.' }) input: UpdateUserInput, @CurrentUser() actor: SignedInUser): Promise<UserModel> {
    return this.users.update(
      input.id,
      { displayName: input.displayName, role: input.role, agencyId: agencyKey(input.agencyId), disabled: input.disabled, unlock: input.unlock },
      actor,
    );
  }

  @Mutation(() => Boolean, { description: 'Sets a new password (administrators only); unlocks the account and ends its sessions.' })
  @Roles(...ACCESS.admin)
  async resetPassword(@Args() args: ResetPasswordArgs, @CurrentUser() actor: SignedInUser): Promise<boolean> {
    await this.users.resetPassword(args.id, args.newPassword, actor);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Deletes an account and its sessions (administrators only; never your own or the last administrator).' })
  @Roles(...ACCESS.admin)
  async deleteUser(@Args() args: UserIdArgs, @CurrentUser() actor: SignedInUser): Promise<boolean> {
    await this.users.delete(args.id, actor);
    return true;
  }

  @ResolveField('agency', () => AgencyModel, { nullable: true, description: 'The agency a department user reports for.' })
  agency(@Parent() user: UserModel, @Context() ctx: GraphqlContext): Promise<AgencyModel | null> | null {
    return user.agencyId === null ? null : ctx.loaders.of(this.agencyOfUser).byId.load(user.agencyId);
  }
}
