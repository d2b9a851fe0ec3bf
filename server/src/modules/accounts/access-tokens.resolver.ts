import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ROLES } from '@ogi/domain';
import { ACCESS } from '../../common/access/access-policy.js';
import { CurrentUser, Roles, SessionOnly } from '../../common/access/access.decorators.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import { AccessTokensService } from './access-tokens.service.js';
import { AccountsException } from './accounts.exception.js';
import { AccessTokenIdArgs } from './dto/access-token-id.args.js';
import { CreateAccessTokenInput } from './dto/create-access-token.input.js';
import { UserIdArgs } from './dto/user-id.args.js';
import { parseId } from '../../common/graphql/ids.js';
import { AccessTokenModel, CreatedAccessTokenModel } from './models/access-token.model.js';

/** Personal access tokens: one's own (every role), anyone's (administrators). */
@Resolver(() => AccessTokenModel)
export class AccessTokensResolver {
  constructor(private readonly tokens: AccessTokensService) {}

  @Query(() => [AccessTokenModel], { description: 'Your personal access tokens, newest first (revoked and expired ones included).' })
  @Roles(...ROLES)
  myAccessTokens(@CurrentUser() user: SignedInUser): Promise<AccessTokenModel[]> {
    return this.tokens.listOf(user.id);
  }

  @Query(() => [AccessTokenModel], { description: "One account's personal access tokens, newest first (administrators only)." })
  @Roles(...ACCESS.admin)
  accessTokens(@Args() args: UserIdArgs): Promise<AccessTokenModel[]> {
    const id = parseId(args.id);
    if (id === null) throw AccountsException.notFound(args.id);
    return this.tokens.listOf(id);
  }

  @Mutation(() => CreatedAccessTokenModel, {
    description:
      'Creates a personal access token for yourself; the token is in the answer this once. It acts with your role and ' +
      'agency, read-only unless scope is write. Only from a signed-in browser, never with a token.',
  })
  @Roles(...ROLES)
  @SessionOnly()
  createAccessToken(
    @Args('input', { description: 'Name, scope and lifetime.' }) input: CreateAccessTokenInput,
    @CurrentUser() user: SignedInUser,
  ): Promise<CreatedAccessTokenModel> {
    return this.tokens.create(user, input.name, input.scope ?? 'read', input.expiresInDays ?? 90);
  }

  @Mutation(() => AccessTokenModel, { description: 'Revokes a personal access token: your own, or anyone’s for administrators. It stops working at once.' })
  @Roles(...ROLES)
  revokeAccessToken(@Args() args: AccessTokenIdArgs, @CurrentUser() user: SignedInUser): Promise<AccessTokenModel> {
    return this.tokens.revoke(args.id, user);
  }
}
