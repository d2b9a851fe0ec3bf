import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ReportFormat, ReportScope } from '@ogi/domain';
import { ReportFormatEnum, ReportScopeEnum } from '../../../common/graphql/domain-enums.js';
import { connectionType } from '../../../common/pagination/connection.model.js';

@ObjectType('Report', { description: "One version of one agency's annual report for one year." })
export class ReportModel {
  @Field(() => ID, { description: 'Stable identifier of this version.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The agency name as printed on the report.' })
  printedAgencyName!: string | null;

  @Field(() => Int, { description: 'The year the data covers.' })
  year!: number;

  @Field(() => String, { description: 'The official format followed: "2019" (国办公开办函〔2019〕60号) or "2021" (〔2021〕30号).' })
  template!: string;

  @Field(() => ReportScopeEnum, { description: 'What the figures cover: self, or a summary of a region (全市/全区…) or of a system.' })
  scope!: ReportScope;

  @Field(() => String, { nullable: true, description: 'Publication date as printed, YYYY-MM-DD.' })
  publishedOn!: string | null;

  @Field(() => String, { description: 'Legal publication deadline, YYYY-MM-DD (31 Jan for departments, 31 Mar for governments).' })
  deadline!: string;

  @Field(() => Int, { nullable: true, description: 'Days published after the deadline (0 = on time); null without a publication date.' })
  daysLate!: number | null;

  @Field(() => String, { description: 'Name of the file this version was imported from.' })
  sourceFileName!: string;

  @Field(() => String, { description: 'SHA-256 of the parsed contents; equal hashes mean the same report.' })
  contentHash!: string;

  @Field(() => ReportFormatEnum, { description: 'The container of the source file.' })
  format!: ReportFormat;

  @Field(() => Int, { description: 'Version number for this agency and year, from 1.' })
  version!: number;

  @Field(() => Boolean, { description: 'Whether this is the version in use for this agency and year.' })
  isCurrent!: boolean;

  @Field(() => String, { description: 'When this version was imported (ISO 8601).' })
  ingestedAt!: string;

  @Field(() => String, { description: 'Version of the parser that read the file.' })
  parserVersion!: string;

  /** Internal keys, resolved by fields. */
  agencyId!: number;
}

@ObjectType('ReportPage', { description: 'A page of reports.' })
export class ReportPageModel {
  @Field(() => [ReportModel], { description: 'The reports of this page, newest year first.' })
  items!: ReportModel[];

  @Field(() => Int, { description: 'How many reports match in all.' })
  total!: number;
}

@ObjectType('ReportConnection', { description: 'Current report versions paged by cursor: newest year first, then agency name.' })
export class ReportConnectionModel extends connectionType(ReportModel, 'Report') {}
