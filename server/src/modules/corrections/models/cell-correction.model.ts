import type { CorrectionStatus } from '@ogi/domain';
import { CorrectionStatusEnum } from '../../../common/graphql/domain-enums.js';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ReportModel } from '../../reports/models/report.model.js';

@ObjectType('CellCorrection', { description: "An editor's correction of a misread cell: the value set, what the parser read, who, when and why." })
export class CellCorrectionModel {
  @Field(() => ID, { description: 'Identifier of the correction.' })
  id!: string;

  @Field(() => ID, { description: 'The report version it belongs to.' })
  reportId!: string;

  @Field(() => String, { description: 'The cell, e.g. `applications.newReceived[0]`.' })
  path!: string;

  @Field(() => String, { description: 'The cell as a person names it (section, row · column), in Chinese.' })
  label!: string;

  @Field(() => String, { description: 'The cell as a person names it, in English.' })
  labelEn!: string;

  @Field(() => Float, { nullable: true, description: 'The corrected value; null = blank.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value the parser read.' })
  originalValue!: number | null;

  @Field(() => String, {
    description: 'The characters the parser read it from, as printed: a re-parse applies the correction again only while the cell is printed the same.',
  })
  originalRaw!: string;

  @Field(() => String, { description: 'Why the cell was corrected.' })
  reason!: string;

  @Field(() => CorrectionStatusEnum, {
    description:
      'active (in force) | stale (the cell reads differently in the source now — after a re-parse or in a new version — so it is no longer applied) | superseded (corrected again) | withdrawn.',
  })
  status!: CorrectionStatus;

  @Field(() => ID, { nullable: true, description: 'The correction of the previous version this one was carried over from.' })
  carriedFromId!: string | null;

  @Field(() => String, { description: 'Who made the correction (user name).' })
  by!: string;

  @Field(() => String, { description: 'When the correction was made (ISO 8601).' })
  at!: string;
}

@ObjectType('CellCorrectionPayload', { description: 'What correcting a cell changed: the correction and the report with its findings and metrics recomputed.' })
export class CellCorrectionPayloadModel {
  @Field(() => CellCorrectionModel, { description: 'The correction made (or withdrawn).' })
  correction!: CellCorrectionModel;

  @Field(() => ReportModel, { description: 'The report, read after the change: its cells, findings and metrics as they now stand.' })
  report!: ReportModel;
}
