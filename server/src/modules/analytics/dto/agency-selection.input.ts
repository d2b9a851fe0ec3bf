import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, type AgencyKind, type AgencyLevel } from '@ogi/domain';
import { AgencyKindEnum, AgencyLevelEnum } from '../../../common/graphql/domain-enums.js';
import { ID_PATTERN } from '../../../common/graphql/ids.js';

/** Most agency ids one selection may list. */
export const MAX_SELECTED_IDS = 3000;

@InputType('AgencySelection', {
  description:
    'Which agencies a query covers. Conditions combine (all must hold); an empty selection is every agency the caller may see. ' +
    'Example: all departments of government X = { parentId: X, kinds: [department] }; X and everything under it = ' +
    '{ parentId: X, includeDescendants: true, includeParent: true }.',
})
export class AgencySelectionInput {
  @Field(() => [ID], { nullable: true, description: `These agencies (at most ${MAX_SELECTED_IDS} ids).` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SELECTED_IDS, { message: `agencyIds: 最多 ${MAX_SELECTED_IDS} 个机关。At most ${MAX_SELECTED_IDS} agency ids.` })
  @Matches(ID_PATTERN, { each: true, message: 'agencyIds: 机关 id 无效。Each agency id must be a positive whole number.' })
  agencyIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Agencies directly under this one (its departments and lower governments).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'parentId: 机关 id 无效。The parent id must be a positive whole number.' })
  parentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'With parentId: every agency below it at any depth, not only those directly under it.',
  })
  @IsOptional()
  @IsBoolean()
  includeDescendants?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'With parentId: the parent agency itself too.' })
  @IsOptional()
  @IsBoolean()
  includeParent?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "This agency's peers, itself included: agencies of its kind under the same parent (without a parent: of its kind and level). " +
      'What its profile compares it with.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'peersOf: 机关 id 无效。The peersOf id must be a positive whole number.' })
  peersOf?: string | null;

  @Field(() => [AgencyKindEnum], { nullable: true, description: 'Only agencies of these kinds.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGENCY_KIND_VALUES.length)
  @IsIn(AGENCY_KIND_VALUES, {
    each: true,
    message: `kinds: 机关类型只能是 ${AGENCY_KIND_VALUES.join('、')}。Kinds must be among ${AGENCY_KIND_VALUES.join(', ')}.`,
  })
  kinds?: AgencyKind[] | null;

  @Field(() => [AgencyLevelEnum], { nullable: true, description: 'Only agencies at these levels.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGENCY_LEVEL_VALUES.length)
  @IsIn(AGENCY_LEVEL_VALUES, {
    each: true,
    message: `levels: 层级只能是 ${AGENCY_LEVEL_VALUES.join('、')}。Levels must be among ${AGENCY_LEVEL_VALUES.join(', ')}.`,
  })
  levels?: AgencyLevel[] | null;
}
