import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FOLLOW_UP_REASONS, FOLLOW_UP_STATUSES } from '@ogi/write-model/follow-ups';
import { ID_PATTERN } from '../../../common/graphql/ids.js';
import { PagingArgs } from '../../../common/graphql/paging.args.js';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from '../../analytics/dto/years.js';

const STATUS_MESSAGE =
  'status: 须为 pending（待提醒）、reminded（已提醒）、resolved（已整改）或 exempt（豁免）。Must be pending, reminded, resolved or exempt.';

@ArgsType()
export class FollowUpsArgs extends PagingArgs {
  @Field(() => Int, { nullable: true, description: 'The data year; default every year.' })
  @IsOptional()
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  year?: number | null;

  @Field(() => [String], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_STATUSES.length)
  @IsIn(FOLLOW_UP_STATUSES, { each: true, message: STATUS_MESSAGE })
  statuses?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this agency.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'agencyId: 机关 id 无效。The agency id must be a positive whole number.' })
  agencyId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these reasons.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_REASONS.length)
  @IsIn(FOLLOW_UP_REASONS, { each: true, message: 'reasons: 须为 missing、late、contradicted 或 flagged。' })
  reasons?: string[] | null;
}

@ArgsType()
export class UpdateFollowUpArgs {
  @Field(() => ID, { description: 'The follow-up item.' })
  @Matches(ID_PATTERN, { message: 'id: 督办事项 id 无效。The id must be a positive whole number.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The new status.' })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES, { message: STATUS_MESSAGE })
  status?: string | null;

  @Field(() => String, { nullable: true, description: "The editors' notes (replaces them)." })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'notes: 备注最多 2000 字。At most 2 000 characters.' })
  notes?: string | null;
}

@ArgsType()
export class AnswerFollowUpArgs {
  @Field(() => ID, { description: 'The follow-up item.' })
  @Matches(ID_PATTERN, { message: 'id: 督办事项 id 无效。The id must be a positive whole number.' })
  id!: string;

  @Field(() => String, { description: "The department's answer (replaces an earlier one)." })
  @IsString()
  @MaxLength(2000, { message: 'answer: 答复最多 2000 字。At most 2 000 characters.' })
  answer!: string;
}

@ArgsType()
export class SetAgencyContactArgs {
  @Field(() => ID, { description: 'The agency.' })
  @Matches(ID_PATTERN, { message: 'agencyId: 机关 id 无效。The agency id must be a positive whole number.' })
  agencyId!: string;

  @Field(() => String, { description: 'The person; empty removes the contact.' })
  @IsString()
  @MaxLength(50, { message: 'person: 联系人最多 50 字。At most 50 characters.' })
  person!: string;

  @Field(() => String, { nullable: true, description: 'Telephone (digits, spaces, + - ( ) and 转).' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+()\- 转]{0,40}$/, { message: 'phone: 电话只能包含数字、空格、+、-、括号和“转”，最多 40 个字符。Digits, spaces, + - ( ) only, at most 40.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'email: 电子邮箱格式不正确。Not an e-mail address.' })
  email?: string | null;
}

@ArgsType()
export class AgencyContactsArgs {
  @Field(() => [ID], { nullable: true, description: 'These agencies; default every agency with a contact.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3000)
  @Matches(ID_PATTERN, { each: true, message: 'agencyIds: 机关 id 无效。' })
  agencyIds?: string[] | null;
}
