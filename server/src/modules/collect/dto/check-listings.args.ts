import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

@ArgsType()
export class CheckListingsArgs {
  @Field(() => [ID], { nullable: true, description: 'Only these agencies (default: every agency with a listing page or report address).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^[1-9]\d{0,8}$/, { each: true, message: 'agencyIds must be agency ids' })
  agencyIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: "The data year to look for (default: each agency's latest year whose deadline has passed)." })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

@ArgsType()
export class ListingChecksArgs {
  @Field(() => Int, { nullable: true, description: 'Only checks for this data year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: 'How many of the latest checks (1–100).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  take?: number | null;
}
