import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@ogi/database';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import { RequestActor } from '../../common/access/actor.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { SubmissionModel } from '../analytics/models/submission.model.js';
import { QualityService } from '../analytics/quality.service.js';
import { SubmissionMissingMarkArgs } from './dto/submission-missing-mark.args.js';
import { SubmissionMarksService } from './submission-marks.service.js';

@Resolver()
export class SubmissionMarksResolver {
  constructor(
    private readonly marks: SubmissionMarksService,
    private readonly quality: QualityService,
  ) {}

  @Mutation(() => SubmissionModel, {
    description:
      'Marks an agency-year 逾期未报 (MISSING) after an editor checked that no report was published (editors); the note says what was checked; audited. Errors: NOT_FOUND (AGENCY_NOT_FOUND), BAD_USER_INPUT (DEADLINE_NOT_PASSED, REPORT_EXISTS, ALREADY_MARKED).',
  })
  @Roles(...ACCESS.edit)
  async markSubmissionMissing(@Args() args: SubmissionMissingMarkArgs, @RequestActor() actor: Actor, @Scope() scope: AgencyScope): Promise<SubmissionModel> {
    await this.marks.mark({ agencyId: Number(args.agencyId), year: args.year, note: args.note }, scope, actor);
    return this.submissionOf(args, scope);
  }

  @Mutation(() => SubmissionModel, {
    description:
      'Takes back a missing mark (editors): the agency-year reads 未核查 (NOT_CHECKED) again unless a listing check found no report; the note says why; audited. Errors: NOT_FOUND (AGENCY_NOT_FOUND), BAD_USER_INPUT (NOT_MARKED).',
  })
  @Roles(...ACCESS.edit)
  async unmarkSubmissionMissing(@Args() args: SubmissionMissingMarkArgs, @RequestActor() actor: Actor, @Scope() scope: AgencyScope): Promise<SubmissionModel> {
    await this.marks.unmark({ agencyId: Number(args.agencyId), year: args.year, note: args.note }, scope, actor);
    return this.submissionOf(args, scope);
  }

  private async submissionOf(args: SubmissionMissingMarkArgs, scope: AgencyScope): Promise<SubmissionModel> {
    const [row] = await this.quality.submissions([args.year], { agencyIds: [args.agencyId] }, scope);
    return row!;
  }
}
