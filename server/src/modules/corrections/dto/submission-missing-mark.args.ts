import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { MAX_REASON_LENGTH } from '@ogi/write-model/corrections';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ID_PATTERN } from '../../../common/graphql/ids.js';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from '../../analytics/dto/years.js';

@ArgsType()
export class SubmissionMissingMarkArgs {
  @Field(() => ID, { description: 'The agency.' })
  @Matches(ID_PATTERN, { message: 'agencyId: 机关 id 无效。The agency id must be a positive whole number.' })
  agencyId!: string;

  @Field(() => Int, { description: 'The data year (the year the report would cover).' })
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  year!: number;

  @Field(() => String, {
    description: `Marking: what was checked, e.g. 已核对门户网站年报栏目（4 月 10 日），未见 2024 年度报告; taking a mark back: why. 2 to ${MAX_REASON_LENGTH} characters.`,
  })
  @IsString()
  @MinLength(2, { message: `note: 请写明原因（至少 2 个字）。Say why (at least 2 characters).` })
  @MaxLength(MAX_REASON_LENGTH, { message: `note: 最多 ${MAX_REASON_LENGTH} 个字。At most ${MAX_REASON_LENGTH} characters.` })
  note!: string;
}
