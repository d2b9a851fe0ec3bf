import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionType } from '../../../common/pagination/connection.model.js';

@ObjectType('AuditEntry', { description: 'One entry of the append-only audit log: who changed what, when and why.' })
export class AuditEntryModel {
  @Field(() => ID, { description: 'Position in the log (increasing).' })
  id!: string;

  @Field(() => String, { description: 'When (ISO 8601).' })
  at!: string;

  @Field(() => String, { description: 'Who: a user name, `system` (automatic consequences such as carrying corrections to a new version) or `cli:<os user>`.' })
  actor!: string;

  @Field(() => String, {
    description:
      'cell.corrected | cell.correctionWithdrawn | cell.correctionCarried | cell.correctionReapplied | cell.correctionStale | report.reparsed | database.restored.',
  })
  action!: string;

  @Field(() => ID, { nullable: true, description: 'The report version concerned.' })
  reportId!: string | null;

  @Field(() => String, { nullable: true, description: 'The cell concerned, e.g. `applications.newReceived[0]`.' })
  cellPath!: string | null;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON (a number, null for blank, or an object).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON.' })
  after!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given.' })
  reason!: string | null;

  @Field(() => String, { description: 'Further detail as a JSON object (correction ids, printed text before and now, parser versions…).' })
  detail!: string;
}

@ObjectType('AuditLogPage', { description: 'A page of the audit log, newest first.' })
export class AuditLogPageModel {
  @Field(() => [AuditEntryModel], { description: 'The entries of this page.' })
  items!: AuditEntryModel[];

  @Field(() => Int, { description: 'How many entries match in all.' })
  total!: number;
}

@ObjectType('AuditEntryConnection', { description: 'The audit log paged by cursor, newest first.' })
export class AuditEntryConnectionModel extends connectionType(AuditEntryModel, 'AuditEntry') {}
