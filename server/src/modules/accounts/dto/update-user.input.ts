import { Field, ID, InputType } from '@nestjs/graphql';
import type { Role } from '@ogi/domain';
import { ROLES } from '@ogi/domain';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RoleEnum } from '../models/user.model.js';

@InputType('UpdateUserInput', { description: 'Only the fields given change.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'The account to change.' })
  @IsString()
  @MaxLength(40)
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new name as the dashboard shows it.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: "A new role ends the user's sessions." })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'The agency of a department user.' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,8}$/, { message: 'agencyId must be an agency id' })
  agencyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Disabling ends the user's sessions and refuses sign-in." })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: lift a lockout after repeated wrong passwords.' })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean | null;
}
