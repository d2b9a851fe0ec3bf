import type { DiscoveryState, SubmissionStatus } from '@ogi/domain';
import { DiscoveryStateEnum, SubmissionStatusEnum } from '../../../common/graphql/domain-enums.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionType } from '../../../common/pagination/connection.model.js';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import { SubmissionMissingMarkModel } from '../../corrections/models/submission-missing-mark.model.js';

@ObjectType('Submission', { description: 'Whether one agency has published its report for one year, and when.' })
export class SubmissionModel {
  @Field(() => AgencyModel, { description: 'The agency.' })
  agency!: AgencyModel;

  @Field(() => Int, { description: 'The year the report covers.' })
  year!: number;

  @Field(() => SubmissionStatusEnum, {
    description:
      'ON_TIME | LATE (current report published after the deadline) | MISSING (no report, and a listing check after the deadline found none or an editor marked it: missingMark) | NOT_CHECKED (deadline passed, no report, not checked since) | NOT_DUE (deadline not passed, no report) | DATE_UNKNOWN (report has no printed date). Dates are China Standard Time.',
  })
  status!: SubmissionStatus;

  @Field(() => ID, { nullable: true, description: 'The current report, when there is one.' })
  reportId!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date as printed, YYYY-MM-DD.' })
  publishedOn!: string | null;

  @Field(() => String, { description: 'Legal deadline, YYYY-MM-DD: 31 Jan of the next year for departments, 31 Mar for governments.' })
  deadline!: string;

  @Field(() => Int, { nullable: true, description: 'Days published after the deadline (0 = on time); null without a report or a date.' })
  daysLate!: number | null;

  @Field(() => Int, { description: "Findings of the current report with severity error whose rule does not hold (the tables don't add up)." })
  failingChecks!: number;

  @Field(() => SubmissionMissingMarkModel, {
    nullable: true,
    description: "An editor's mark that no report was published (then status is MISSING unless a report has since been stored).",
  })
  missingMark!: SubmissionMissingMarkModel | null;

  @Field(() => DiscoveryStateEnum, {
    description:
      "What the agency's site shows for the year: IMPORTED (the report is in the database) | PUBLISHED_NOT_IMPORTED (the listing links a report for the year that could not be imported: see discoveryDetail) | NOT_FOUND (the listing page has no report of the agency for the year) | FAILED (the listing page could not be read) | NOT_CHECKED.",
  })
  discovery!: DiscoveryState;

  @Field(() => String, {
    nullable: true,
    description: "The address of the year's report on the agency's site: where the last check found it, or where the imported report was fetched from.",
  })
  discoveredUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'What the last check of the listing page found, or why it failed, for a clerk.' })
  discoveryDetail!: string | null;

  @Field(() => String, { nullable: true, description: 'When the listing page was last checked for the year (ISO 8601).' })
  discoveryCheckedAt!: string | null;
}

@ObjectType('SubmissionConnection', { description: 'Agency × year submissions paged by cursor: newest year first, then agency name.' })
export class SubmissionConnectionModel extends connectionType(SubmissionModel, 'Submission') {}
