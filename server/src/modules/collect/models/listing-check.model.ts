import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ListingCheckOutcome } from '@ogi/domain';
import { ListingCheckOutcomeEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('ListingCheck', { description: "One check of an agency's listing page (政府信息公开年报 column) for a data year." })
export class ListingCheckModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => Int, { description: 'The data year checked for.' })
  year!: number;

  @Field(() => String, { description: 'When it was checked (ISO 8601).' })
  checkedAt!: string;

  @Field(() => ListingCheckOutcomeEnum, { description: 'What the check found.' })
  outcome!: ListingCheckOutcome;

  @Field(() => String, { description: 'The page checked.' })
  listingUrl!: string;

  @Field(() => String, { nullable: true, description: "The address of the year's report, when one was found." })
  foundUrl!: string | null;

  @Field(() => ID, { nullable: true, description: 'The report imported, when IMPORTED.' })
  reportId!: string | null;

  @Field(() => String, { nullable: true, description: 'The error code, when the page or the report could not be read.' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'What was found, or why it failed, for a clerk.' })
  detail!: string | null;

  @Field(() => String, { nullable: true, description: 'Who ran the check: a user name, cli:<user>, or system (the scheduled poll).' })
  checkedBy!: string | null;

  /** Internal: resolved by `agency`. */
  agencyId!: number;
}

@ObjectType('AgencyReportUrl', { description: "The address of an agency's report for one data year." })
export class AgencyReportUrlModel {
  @Field(() => Int, { description: 'The data year the report covers.' })
  year!: number;

  @Field(() => String, { description: 'Where the report is published (a report page or file).' })
  url!: string;
}
