import { Field, Int, ObjectType } from '@nestjs/graphql';
import { connectionType } from '../../../common/pagination/connection.model.js';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import type { SubmissionMatrixRow, SubmissionYearSummary } from '../submission-matrix.js';
import { SubmissionModel } from './submission.model.js';

@ObjectType('SubmissionYearSummary', {
  description: 'How many agencies of the selection stand in each submission status for one year (each agency × year once per status).',
})
export class SubmissionYearSummaryModel implements SubmissionYearSummary {
  @Field(() => Int, { description: 'The year the reports cover.' })
  year!: number;

  @Field(() => Int, { description: 'Agencies expected to report (the selection): the statuses add up to it.' })
  agencies!: number;

  @Field(() => Int, { description: 'Status ON_TIME.' })
  onTime!: number;

  @Field(() => Int, { description: 'Status LATE.' })
  late!: number;

  @Field(() => Int, { description: 'Status MISSING.' })
  missing!: number;

  @Field(() => Int, { description: 'Status NOT_CHECKED.' })
  notChecked!: number;

  @Field(() => Int, { description: 'Status DATE_UNKNOWN.' })
  dateUnknown!: number;

  @Field(() => Int, { description: 'Status NOT_DUE.' })
  notDue!: number;

  @Field(() => Int, { description: 'Current reports with at least one failing check of severity error (whatever their status).' })
  failing!: number;

  @Field(() => Int, { description: "No report held, but the agency's site lists one for the year (discovery PUBLISHED_NOT_IMPORTED)." })
  publishedNotImported!: number;
}

@ObjectType('SubmissionMatrixRow', { description: "One agency's row of the submissions matrix: its submission for every year asked." })
export class SubmissionMatrixRowModel implements SubmissionMatrixRow {
  @Field(() => AgencyModel, { description: 'The agency.' })
  agency!: AgencyModel;

  @Field(() => [SubmissionModel], { description: 'One submission per year asked, newest year first.' })
  submissions!: SubmissionModel[];

  @Field(() => Int, { description: 'Years missing or late, plus reports failing checks.' })
  problems!: number;
}

@ObjectType('SubmissionMatrixConnection', { description: 'The agencies of the submissions matrix, paged by cursor in the order asked.' })
export class SubmissionMatrixConnectionModel extends connectionType(SubmissionMatrixRowModel, 'SubmissionMatrixRow') {}
