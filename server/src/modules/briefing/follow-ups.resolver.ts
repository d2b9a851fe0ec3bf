import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@ogi/database';
import { ACCESS } from '../../common/access/access-policy.js';
import { CurrentUser, Roles, Scope } from '../../common/access/access.decorators.js';
import { RequestActor } from '../../common/access/actor.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import { paging } from '../../common/graphql/paging.args.js';
import { ContactsService } from './contacts.service.js';
import { AgencyContactsArgs, AnswerFollowUpArgs, FollowUpsArgs, SetAgencyContactArgs, UpdateFollowUpArgs } from './dto/follow-up.args.js';
import { BriefingScopeArgs } from './dto/league-table.args.js';
import { FollowUpsService } from './follow-ups.service.js';
import { LeagueService } from './league.service.js';
import { AgencyContactModel, FollowUpItemModel, FollowUpPageModel, FollowUpRefreshModel } from './models/follow-up.model.js';

@Resolver()
export class FollowUpsResolver {
  constructor(
    private readonly items: FollowUpsService,
    private readonly contacts: ContactsService,
    private readonly league: LeagueService,
  ) {}

  @Query(() => FollowUpPageModel, {
    description: "The follow-up list (督办): open items first. A department user sees its own agency's items only; contacts only for editors.",
  })
  @Roles(...ACCESS.read)
  followUps(@Args() args: FollowUpsArgs, @Scope() scope: AgencyScope, @CurrentUser() user: SignedInUser | null): Promise<FollowUpPageModel> {
    return this.items.list(
      { year: args.year, statuses: args.statuses, reasons: args.reasons, agencyId: args.agencyId ? Number(args.agencyId) : null },
      paging(args),
      scope,
      user?.role ?? null,
    );
  }

  @Mutation(() => FollowUpRefreshModel, {
    description: 'Builds the follow-up list of a year from the data (editors): new items, evidence of open items brought up to date.',
  })
  @Roles(...ACCESS.edit)
  async refreshFollowUps(@Args() args: BriefingScopeArgs, @Scope() scope: AgencyScope): Promise<FollowUpRefreshModel> {
    return this.items.refresh(args.year, await this.league.agencyIds(args.selection, scope), scope);
  }

  @Mutation(() => FollowUpItemModel, {
    description:
      "Changes a follow-up item's status (待提醒/已提醒/已整改/豁免) or notes (editors); audited. Errors: NOT_FOUND, BAD_USER_INPUT (STATUS_UNCHANGED).",
  })
  @Roles(...ACCESS.edit)
  updateFollowUp(
    @Args() args: UpdateFollowUpArgs,
    @RequestActor() actor: Actor,
    @Scope() scope: AgencyScope,
    @CurrentUser() user: SignedInUser | null,
  ): Promise<FollowUpItemModel> {
    return this.items.update(Number(args.id), { status: args.status, notes: args.notes }, actor, scope, user?.role ?? null);
  }

  @Mutation(() => FollowUpItemModel, { description: "A department's answer to a follow-up item of its own agency (or an editor recording one); audited." })
  @Roles(...ACCESS.ingest)
  answerFollowUp(
    @Args() args: AnswerFollowUpArgs,
    @RequestActor() actor: Actor,
    @Scope() scope: AgencyScope,
    @CurrentUser() user: SignedInUser | null,
  ): Promise<FollowUpItemModel> {
    return this.items.answer(Number(args.id), args.answer, actor, scope, user?.role ?? null);
  }

  @Query(() => [AgencyContactModel], { description: "Agencies' contact persons (editors and administrators only)." })
  @Roles(...ACCESS.edit)
  agencyContacts(@Args() args: AgencyContactsArgs): Promise<AgencyContactModel[]> {
    return this.contacts.of(args.agencyIds?.length ? args.agencyIds.map(Number) : null);
  }

  @Mutation(() => AgencyContactModel, {
    nullable: true,
    description: "Sets an agency's contact person (editors); an empty person removes it (answers null); audited.",
  })
  @Roles(...ACCESS.edit)
  setAgencyContact(@Args() args: SetAgencyContactArgs, @RequestActor() actor: Actor): Promise<AgencyContactModel | null> {
    return this.contacts.set(Number(args.agencyId), { person: args.person, phone: args.phone ?? null, email: args.email ?? null }, actor);
  }
}
