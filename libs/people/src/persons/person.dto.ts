import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageInfo, PageQuery } from '@leerkring/core';
import { SYSTEM_ROLES, type SystemRole } from '../access/actor';
import { FUNCTIONS, type SchoolFunction, type SchoolMembership } from './membership.entity';
import { displayName, LANGUAGES, type Language, type Person } from './person.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class MembershipDto {
  @ApiProperty()
  @IsUUID()
  schoolId!: string;

  @ApiProperty({ enum: FUNCTIONS })
  @IsIn(FUNCTIONS)
  function!: SchoolFunction;
}

export class CreatePersonDto {
  @ApiProperty({ example: 'Anna' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  givenName!: string;

  @ApiPropertyOptional({ example: 'van der', description: 'tussenvoegsel' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(30)
  familyNamePrefix?: string;

  @ApiProperty({ example: 'Berg' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  familyName!: string;

  @ApiProperty({ example: 'anna.vanderberg@school.nl' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'nl' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'The direct line manager (leidinggevende)' })
  @IsOptional()
  @IsUUID()
  lineManagerId?: string | null;

  @ApiPropertyOptional({ type: [MembershipDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  @Type(() => MembershipDto)
  memberships?: MembershipDto[];
}

export class UpdatePersonDto extends PartialType(OmitType(CreatePersonDto, ['memberships'] as const)) {}

/** What people may change about themselves. */
export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ description: 'Appointment reminders by mail (invitations and cancellations are always sent)' })
  @IsOptional()
  @IsBoolean()
  remindersEnabled?: boolean;
}

export class PeopleQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only people with a membership at this school' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ description: 'Search: part of the name or the email address', maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class MembershipResponse {
  @ApiProperty() id!: string;
  @ApiProperty() schoolId!: string;
  @ApiProperty({ enum: FUNCTIONS }) function!: SchoolFunction;
}

export class PersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyNamePrefix!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ example: 'Anna van der Berg' }) displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty() active!: boolean;
  @ApiProperty() remindersEnabled!: boolean;
  @ApiProperty() isAdmin!: boolean;
  @ApiProperty({ nullable: true, type: String }) lineManagerId!: string | null;
  @ApiProperty({ enum: SYSTEM_ROLES, isArray: true }) roles!: SystemRole[];
  @ApiProperty({ type: [MembershipResponse] }) memberships!: MembershipResponse[];
}

export class PersonPage extends PageInfo {
  @ApiProperty({ type: [PersonResponse] }) items!: PersonResponse[];
}

export function mapPerson(person: Person, memberships: SchoolMembership[], roles: SystemRole[]): PersonResponse {
  return {
    id: person.id,
    givenName: person.givenName,
    familyNamePrefix: person.familyNamePrefix,
    familyName: person.familyName,
    displayName: displayName(person),
    email: person.email,
    language: person.language,
    active: person.active,
    remindersEnabled: person.remindersEnabled,
    isAdmin: person.isAdmin,
    lineManagerId: person.lineManagerId,
    roles,
    memberships: memberships.map((m) => ({ id: m.id, schoolId: m.schoolId, function: m.function })),
  };
}
