import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
  agencies(@Args() args: AgenciesArgs): Promise<AgencyPageModel> {
    const { take, skip } = paging(args);
    return this.agencyService.findPage(args.search, take, skip);
  }

  @Query(() => AgencyModel, { nullable: true, description: 'One agency. An unknown id is an error with code NOT_FOUND.' })
  agency(@Args() args: AgencyArgs): Promise<AgencyModel> {
    return this.agencyService.getById(args.id);
  }

  @ResolveField('aliases', () => [String], { description: 'Other names its reports are printed under.' })
  aliases(@Parent() agency: AgencyModel, @Context() ctx: GraphqlContext): Promise<string[]> {
    return ctx.loaders.of(this.agencyService).aliases.load(Number(agency.id));
  }

  @ResolveField('parent', () => AgencyModel, { nullable: true, description: 'The government this agency belongs to, when known.' })
  parent(@Parent() agency: AgencyModel, @Context() ctx: GraphqlContext): Promise<AgencyModel | null> | null {
    return agency.parentId === null ? null : ctx.loaders.of(this.agencyService).byId.load(agency.parentId);
  }
}
