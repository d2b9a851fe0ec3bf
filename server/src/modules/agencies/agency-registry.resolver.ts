import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ACCESS } from '../../common/access/access-policy.js';
import type { Actor } from '@ogi/database';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import { RequestActor } from '../../common/access/actor.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { PagingArgs, paging } from '../../common/graphql/paging.args.js';
import { AgencyRegistryService } from './agency-registry.service.js';
import { ConfirmAgencyMatchArgs, RejectAgencyMatchArgs } from './dto/agency-match.args.js';
import { AgencyTreeArgs } from './dto/agency-tree.args.js';
import { UpdateAgencyInput } from './dto/update-agency.input.js';
import { AgencyMatchProposalModel } from './models/agency-match-proposal.model.js';
import { AgencyNodeModel } from './models/agency-node.model.js';
import { AgencyModel } from './models/agency.model.js';

/** The registry tree, its corrections and the queue of names imports did not know. */
@Resolver()
export class AgencyRegistryResolver {
  constructor(private readonly registry: AgencyRegistryService) {}

  @Query(() => [AgencyNodeModel], { description: 'Children of parentId (null = the top of the tree), governments first, then by name.' })
  @Roles(...ACCESS.read)
  agencyTree(@Args() args: AgencyTreeArgs, @Scope() scope: AgencyScope): Promise<AgencyNodeModel[]> {
    return this.registry.tree(args.parentId, scope);
  }

  @Query(() => [AgencyMatchProposalModel], { description: 'Names imports did not know, waiting for a person to confirm or reject a match; oldest first.' })
  @Roles(...ACCESS.edit)
  agencyMatchProposals(@Args() args: PagingArgs, @Scope() scope: AgencyScope): Promise<AgencyMatchProposalModel[]> {
    const { take, skip } = paging(args);
    return this.registry.proposals(take, skip, scope);
  }

  @Mutation(() => AgencyModel, {
    description: 'Corrects an agency of the registry: name, parent, kind, level, listing page, usual scope, aliases. All or nothing.',
  })
  @Roles(...ACCESS.edit)
  updateAgency(
    @Args('input', { description: 'What to change.' }) input: UpdateAgencyInput,
    @Scope() scope: AgencyScope,
    @RequestActor() actor: Actor,
  ): Promise<AgencyModel> {
    return this.registry.update(input, scope, actor);
  }

  @Mutation(() => AgencyModel, {
    description:
      'Confirms that a printed name means a registered agency (agencyId, or the proposed one when null): the reports filed under the agency the import created move there ' +
      '(as further versions where that agency already has a report for the year), the name becomes an alias, and the created agency is removed. Returns the agency merged into.',
  })
  @Roles(...ACCESS.edit)
  confirmAgencyMatch(@Args() args: ConfirmAgencyMatchArgs, @Scope() scope: AgencyScope): Promise<AgencyModel> {
    return this.registry.confirmMatch(args.proposalId, args.agencyId, scope);
  }

  @Mutation(() => Boolean, { description: 'Keeps the agency the import created as an agency of its own and closes the proposal.' })
  @Roles(...ACCESS.edit)
  rejectAgencyMatch(@Args() args: RejectAgencyMatchArgs, @Scope() scope: AgencyScope): Promise<boolean> {
    return this.registry.rejectMatch(args.proposalId, scope);
  }
}
