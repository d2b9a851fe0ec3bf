import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorInfoModel } from '../../../common/graphql/error-info.model.js';
import type { FetchedUrlStatus } from '@ogi/domain';
import { FetchedUrlStatusEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('CollectResult', {
  description: 'What came of one address. A listing page gives a result with status "listing", followed by one result per annual-report link on it.',
})
export class CollectResultModel {
  @Field(() => String, { description: 'The address (as normalised: fragment dropped).' })
  url!: string;

  @Field(() => FetchedUrlStatusEnum, {
    description: 'What came of it: stored, duplicate (already in the database), failed, or listing (its report links follow).',
  })
  status!: FetchedUrlStatus;

  @Field(() => ID, { nullable: true, description: 'The report stored, or already present.' })
  reportId!: string | null;

  @Field(() => String, { nullable: true, description: 'The file the report was read from (for a page with an attached report: the attachment).' })
  fileName!: string | null;

  @Field(() => ErrorInfoModel, { nullable: true, description: 'Why it failed (status failed).' })
  error!: ErrorInfoModel | null;

  @Field(() => String, { nullable: true, description: 'The agency of the report, as filed.' })
  agencyName!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the report covers.' })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: 'The version number of the report for its agency and year.' })
  version!: number | null;

  @Field(() => String, { nullable: true, description: 'The listing page this address was linked from.' })
  foundOn!: string | null;

  @Field(() => String, { nullable: true, description: 'For a report page whose report is an attached file: the address of that file.' })
  attachmentUrl!: string | null;
}
