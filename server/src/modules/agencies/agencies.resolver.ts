import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { paging } from '../../common/graphql/paging.args.js';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { AgenciesService } from './agencies.service.js';
import { AgenciesArgs } from './dto/agencies.args.js';
import { AgencyArgs } from './dto/agency.args.js';
import { AgencyModel, AgencyPageModel } from './models/agency.model.js';

@Resolver(() => AgencyModel)
export class AgenciesResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @Query(() => AgencyPageModel, { description: 'Agencies by name, optionally those whose name or alias contains `search`.' })
  @Roles(...ACCESS.read)
  agencies(@Args() args: AgenciesArgs, @Scope() scope: AgencyScope): Promise<AgencyPageModel> {
    const { take, skip } = paging(args);
    return this.agencyService.findPage(scope, args.search, take, skip);
  }

  @Query(() => AgencyModel, { nullable: true, description: 'One agency. An unknown id is an error with code NOT_FOUND.' })
  @Roles(...ACCESS.read)
  agency(@Args() args: AgencyArgs, @Scope() scope: AgencyScope): Promise<AgencyModel> {
    return this.agencyService.getById(args.id, scope);
  }

  @ResolveField('aliases', () => [String], { description: 'Other names its reports are printed under.' })
  aliases(@Parent() agency: AgencyModel, @Context() ctx: GraphqlContext): Promise<string[]> {
    return ctx.loaders.of(this.agencyService).aliases.load(Number(agency.id));
  }

  @ResolveField('parent', () => AgencyModel, {
    nullable: true,
    description: 'The government this agency belongs to, when known and visible to the signed-in user.',
  })
  parent(@Parent() agency: AgencyModel, @Context() ctx: GraphqlContext): Promise<AgencyModel | null> | null {
    return agency.parentId === null ? null : ctx.loaders.of(this.agencyService).byId.load(agency.parentId);
  }
}
