import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ROLES } from '@ogi/domain';
import { Public, Roles, SessionOnly } from '../../common/access/access.decorators.js';
import { authOf } from '../../common/access/request-auth.js';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordArgs } from './dto/change-password.args.js';
import { LoginArgs } from './dto/login.args.js';
import { SessionModel } from './models/user.model.js';
import { UsersService } from './users.service.js';

/** Signing in and out, and one's own session and password. */
@Resolver(() => SessionModel)
export class AccountsResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Query(() => SessionModel, { nullable: true, description: 'The signed-in user and the CSRF token, or null when nobody is signed in.' })
  @Public()
  async session(@Context() ctx: GraphqlContext): Promise<SessionModel | null> {
    const auth = authOf(ctx.req);
    if (!auth?.user || !auth.session) return null;
    return { user: await this.users.getById(String(auth.user.id)), csrfToken: auth.session.csrfToken, expiresAt: auth.session.expiresAt.toISOString() };
  }

  @Mutation(() => SessionModel, {
    description:
      'Signs in: sets the httpOnly session cookie and returns the CSRF token. Errors: UNAUTHENTICATED with reason ' +
      'INVALID_CREDENTIALS (also for a disabled account) or ACCOUNT_LOCKED; RATE_LIMITED after too many failed ' +
      'attempts from one address, or with reason SIGN_IN_BUSY while too many passwords are being checked at once.',
  })
  @Public()
  login(@Args() args: LoginArgs, @Context() ctx: GraphqlContext): Promise<SessionModel> {
    return this.auth.login(args.username, args.password, ctx.req, ctx.req.res!);
  }

  @Mutation(() => Boolean, { description: 'Ends this session and clears its cookie.' })
  @Roles(...ROLES)
  @SessionOnly()
  async logout(@Context() ctx: GraphqlContext): Promise<boolean> {
    await this.auth.logout(authOf(ctx.req)!.session!.id, ctx.req.res!);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes your own password; your other sessions end.' })
  @Roles(...ROLES)
  @SessionOnly()
  async changePassword(@Args() args: ChangePasswordArgs, @Context() ctx: GraphqlContext): Promise<boolean> {
    const auth = authOf(ctx.req)!;
    await this.auth.changePassword(auth.user!, auth.session!.id, args.currentPassword, args.newPassword);
    return true;
  }
}
