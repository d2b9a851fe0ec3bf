import type { Severity } from '@ogi/domain';
import { SeverityEnum } from '../../../common/graphql/domain-enums.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import { connectionType } from '../../../common/pagination/connection.model.js';
import { FindingModel } from '../../reports/models/finding.model.js';

@ObjectType('RuleCount', { description: 'How many findings one consistency rule produced, at one severity.' })
export class RuleCountModel {
  @Field(() => String, { description: 'Rule code, e.g. S3_BALANCE (see @ogi/domain RULE_DESCRIPTIONS).' })
  rule!: string;

  @Field(() => SeverityEnum, { description: 'error | warning | info.' })
  severity!: Severity;

  @Field(() => Int, { description: 'Number of findings.' })
  count!: number;
}

@ObjectType('AgencyYearQuality', { description: "Finding counts of one agency's current report for one year." })
export class AgencyYearQualityModel {
  @Field(() => AgencyModel, { description: 'The agency.' })
  agency!: AgencyModel;

  @Field(() => Int, { description: 'The year the data covers.' })
  year!: number;

  @Field(() => ID, { description: 'The current report.' })
  reportId!: string;

  @Field(() => Int, { description: 'Findings of severity error (within the rule and severity filters).' })
  errors!: number;

  @Field(() => Int, { description: 'Findings of severity warning (within the filters).' })
  warnings!: number;

  @Field(() => Int, { description: 'Findings of severity info (within the filters).' })
  infos!: number;
}

@ObjectType('DataQuality', { description: 'What the consistency checks found in the current reports of a selection.' })
export class DataQualityModel {
  @Field(() => [RuleCountModel], { description: 'Findings per rule and severity, most frequent first.' })
  byRule!: RuleCountModel[];

  @Field(() => [AgencyYearQualityModel], {
    description: 'Every current report of the selection and years, with its finding counts; most errors first, then warnings, then name.',
  })
  byAgencyYear!: AgencyYearQualityModel[];
}

@ObjectType('FindingRow', { description: 'One finding of a current report, with its agency and year.' })
export class FindingRowModel extends FindingModel {
  @Field(() => ID, { description: 'The report.' })
  reportId!: string;

  @Field(() => AgencyModel, { description: 'The agency that issued the report.' })
  agency!: AgencyModel;

  @Field(() => Int, { description: 'The year the data covers.' })
  year!: number;
}

@ObjectType('FindingPage', { description: 'A page of findings.' })
export class FindingPageModel {
  @Field(() => [FindingRowModel], { description: 'Newest year first, then errors before warnings before infos, then agency name.' })
  items!: FindingRowModel[];

  @Field(() => Int, { description: 'How many findings match in all.' })
  total!: number;
}

@ObjectType('FindingConnection', { description: 'Findings paged by cursor, in the order of `findings`.' })
export class FindingConnectionModel extends connectionType(FindingRowModel, 'Finding') {}
