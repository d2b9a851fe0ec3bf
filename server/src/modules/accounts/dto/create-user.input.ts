import { Field, ID, InputType } from '@nestjs/graphql';
import type { Role } from '@ogi/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES } from '@ogi/domain';
import { RoleEnum } from '../models/user.model.js';

@InputType('CreateUserInput', { description: 'A new account (administrators only).' })
export class CreateUserInput {
  @Field(() => String, { description: '2–64 letters, digits, . _ @ -.' })
  @IsString()
  @MaxLength(64)
  username!: string;

  @Field(() => String, { description: 'Their name as the dashboard shows it (the username when blank).' })
  @IsString()
  @MaxLength(100)
  displayName!: string;

  @Field(() => RoleEnum, { description: 'What they may do.' })
  @IsIn(ROLES)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for department users: the agency they report for.' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,8}$/, { message: 'agencyId must be an agency id' })
  agencyId?: string | null;

  @Field(() => String, { description: 'The first password (at least 10 characters).' })
  @IsString()
  @MaxLength(1000)
  password!: string;
}
