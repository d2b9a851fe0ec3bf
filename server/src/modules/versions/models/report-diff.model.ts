import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReportModel } from '../../reports/models/report.model.js';
import type { ComparedReportField, ReparseStatus } from '@ogi/domain';
import { ComparedReportFieldEnum, ReparseStatusEnum } from '../../../common/graphql/domain-enums.js';

@ObjectType('CellChange', { description: 'A cell whose value differs between two versions.' })
export class CellChangeModel {
  @Field(() => String, { description: 'The cell, e.g. `applications.newReceived[0]`.' })
  path!: string;

  @Field(() => String, { description: 'The cell as a person names it, in Chinese.' })
  label!: string;

  @Field(() => String, { description: 'The cell as a person names it, in English.' })
  labelEn!: string;

  @Field(() => Float, { nullable: true, description: 'The value in the `from` version (null = blank or absent).' })
  fromValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value in the `to` version.' })
  toValue!: number | null;

  @Field(() => String, { nullable: true, description: 'As printed in the `from` version; null when that version has no such cell.' })
  fromRaw!: string | null;

  @Field(() => String, { nullable: true, description: 'As printed in the `to` version; null when that version has no such cell.' })
  toRaw!: string | null;
}

@ObjectType('FieldChange', { description: 'A property of the report (publication date, format…) that differs between two versions.' })
export class FieldChangeModel {
  @Field(() => ComparedReportFieldEnum, { description: 'Which property.' })
  field!: ComparedReportField;

  @Field(() => String, { nullable: true, description: 'The value in the `from` version.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'The value in the `to` version.' })
  to!: string | null;
}

@ObjectType('ReportDiff', { description: "What changed from one version of an agency's report for a year to another." })
export class ReportDiffModel {
  @Field(() => ReportModel, { description: 'The version compared from.' })
  from!: ReportModel;

  @Field(() => ReportModel, { description: 'The version compared to.' })
  to!: ReportModel;

  @Field(() => [FieldChangeModel], { description: 'Report properties that differ.' })
  fields!: FieldChangeModel[];

  @Field(() => [CellChangeModel], { description: 'Cells whose values differ, in printed order (section 二, 三, 四).' })
  cells!: CellChangeModel[];
}

@ObjectType('ReparseResult', { description: 'What re-reading a stored report with the current parser did.' })
export class ReparseResultModel {
  @Field(() => ID, { description: 'The report version re-read.' })
  reportId!: string;

  @Field(() => ReparseStatusEnum, { description: 'What came of the re-reading.' })
  status!: ReparseStatus;

  @Field(() => String, { nullable: true, description: 'Parser version of the reading replaced.' })
  parserBefore!: string | null;

  @Field(() => String, { nullable: true, description: 'Parser version of the new reading.' })
  parserAfter!: string | null;

  @Field(() => Int, { description: 'Cells whose reading changed.' })
  changedCells!: number;

  @Field(() => Int, { description: "Editors' corrections applied again (the cell is printed the same)." })
  correctionsReapplied!: number;

  @Field(() => Int, { description: 'Corrections no longer applied (the cell reads differently now): flagged CORRECTION_STALE.' })
  correctionsStale!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed: a stable code.' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, for a person.' })
  errorMessage!: string | null;

  @Field(() => ReportModel, { nullable: true, description: 'The report as it now stands.' })
  report!: ReportModel | null;
}
