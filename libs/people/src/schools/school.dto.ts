import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageInfo } from '@leerkring/core';
import { HOLIDAY_REGIONS, SECTORS, type HolidayRegion, type School, type Sector } from './school.entity';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSchoolDto {
  @ApiProperty({ example: 'obs De Regenboog' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: '12AB', description: 'BRIN code: 2 digits and 2 letters' })
  @Transform(upper)
  @Matches(/^\d{2}[A-Z]{2}$/, { message: 'brin must be 2 digits and 2 letters, e.g. 12AB' })
  brin!: string;

  @ApiPropertyOptional({ example: '01', description: 'Vestiging number (2 digits); empty for the main location' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^(\d{2})?$/, { message: 'vestiging must be 2 digits, e.g. 01' })
  vestiging?: string;

  @ApiProperty({ enum: SECTORS })
  @Transform(upper)
  @IsIn(SECTORS)
  sector!: Sector;

  @ApiProperty({ enum: HOLIDAY_REGIONS, description: 'vakantieregio: north (noord), middle (midden), south (zuid)' })
  @IsIn(HOLIDAY_REGIONS)
  holidayRegion!: HolidayRegion;

  @ApiPropertyOptional({ example: 'Schoolstraat 1' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  street?: string;

  @ApiPropertyOptional({ example: '3511 AB' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^(\d{4} ?[A-Z]{2})?$/, { message: 'postalCode must be a Dutch postal code, e.g. 3511 AB' })
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Utrecht' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  city?: string;
}

export class UpdateSchoolDto extends PartialType(CreateSchoolDto) {}

export class SchoolResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '12AB' }) brin!: string;
  @ApiProperty({ example: '01', description: "'' for the main location" }) vestiging!: string;
  @ApiProperty({ example: '12AB01' }) brinCode!: string;
  @ApiProperty({ enum: SECTORS }) sector!: Sector;
  @ApiProperty({ enum: HOLIDAY_REGIONS }) holidayRegion!: HolidayRegion;
  @ApiProperty() street!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
}

export class SchoolPage extends PageInfo {
  @ApiProperty({ type: [SchoolResponse] }) items!: SchoolResponse[];
}

export function mapSchool(school: School): SchoolResponse {
  return {
    id: school.id,
    name: school.name,
    brin: school.brin,
    vestiging: school.vestiging,
    brinCode: `${school.brin}${school.vestiging}`,
    sector: school.sector,
    holidayRegion: school.holidayRegion,
    street: school.street,
    postalCode: school.postalCode,
    city: school.city,
  };
}
