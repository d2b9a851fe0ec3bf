import { ArgsType, Field, Float, ID } from '@nestjs/graphql';
import { MAX_REASON_LENGTH } from '@ogi/write-model/corrections';
import { IsNumber, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class CorrectCellArgs {
  @Field(() => ID, { description: 'The report version whose cell is corrected.' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'reportId must be a report id' })
  reportId!: string;

  @Field(() => String, { description: 'The cell, e.g. `applications.newReceived[0]` or `activeDisclosure.fees.amountWan`.' })
  @IsString()
  @MaxLength(100)
  path!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'The value the document prints there; null = blank. Counts are whole numbers ≥ 0, 本年增/减 whole numbers, money (万元) ≥ 0 with at most 6 decimals.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number | null;

  @Field(() => String, { description: `Why (2 to ${MAX_REASON_LENGTH} characters), e.g. 原件第 3 页为 29，解析误读为 20.` })
  @IsString()
  @MinLength(2)
  @MaxLength(MAX_REASON_LENGTH)
  reason!: string;
}

@ArgsType()
export class WithdrawCorrectionArgs {
  @Field(() => ID, { description: 'The report version.' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'reportId must be a report id' })
  reportId!: string;

  @Field(() => String, { description: 'The cell whose correction is withdrawn.' })
  @IsString()
  @MaxLength(100)
  path!: string;

  @Field(() => String, { description: `Why (2 to ${MAX_REASON_LENGTH} characters).` })
  @IsString()
  @MinLength(2)
  @MaxLength(MAX_REASON_LENGTH)
  reason!: string;
}
