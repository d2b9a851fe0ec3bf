import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorInfoModel } from '../../../common/graphql/error-info.model.js';
import type { FetchedUrlKind, FetchedUrlStatus } from '@ogi/domain';
import { FetchedUrlKindEnum, FetchedUrlStatusEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('FetchedUrl', { description: 'An address the collector fetched, and what came of the last fetch.' })
export class FetchedUrlModel {
  @Field(() => String, { description: 'The address.' })
  url!: string;

  @Field(() => FetchedUrlKindEnum, { description: 'What it turned out to be.' })
  kind!: FetchedUrlKind;

  @Field(() => FetchedUrlStatusEnum, { description: 'What came of the last fetch, as in CollectResult.' })
  status!: FetchedUrlStatus;

  @Field(() => ID, { nullable: true, description: 'The report it gave.' })
  reportId!: string | null;

  @Field(() => ErrorInfoModel, { nullable: true, description: 'Why the last fetch failed.' })
  error!: ErrorInfoModel | null;

  @Field(() => String, { nullable: true, description: 'The listing page that linked to it.' })
  foundOn!: string | null;

  @Field(() => String, { nullable: true, description: "The link's title on that page." })
  linkText!: string | null;

  @Field(() => Int, { nullable: true, description: "The year the link's title names." })
  linkYear!: number | null;

  @Field(() => String, { nullable: true, description: 'For a page whose report is an attached file: that file.' })
  attachmentUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the redirects ended.' })
  finalUrl!: string | null;

  @Field(() => Int, { nullable: true, description: 'Bytes received.' })
  byteSize!: number | null;

  @Field(() => String, { nullable: true, description: 'Who fetched it last: a user name, cli:<user>, or system (the scheduled poll).' })
  fetchedBy!: string | null;

  @Field(() => String, { description: 'When it was first fetched (ISO 8601).' })
  firstFetchedAt!: string;

  @Field(() => String, { description: 'When it was last fetched (ISO 8601).' })
  lastFetchedAt!: string;
}

@ObjectType('FetchedUrlPage', { description: 'A page of fetched addresses, most recent first.' })
export class FetchedUrlPageModel {
  @Field(() => [FetchedUrlModel], { description: 'The addresses of this page.' })
  items!: FetchedUrlModel[];

  @Field(() => Int, { description: 'How many match in all.' })
  total!: number;
}
