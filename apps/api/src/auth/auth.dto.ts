import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { API_SCOPES, type ApiScope } from '@leerkring/people';

export class LoginLinkRequestDto {
  @ApiProperty({ example: 'anna.vanderberg@school.nl' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email!: string;
}

export class VerifyLoginDto {
  @ApiProperty({ description: 'The token from the sign-in link' })
  @IsString()
  @Matches(/^lkl_[A-Za-z0-9_-]{20,100}$/, { message: 'token is not a sign-in token' })
  token!: string;

  @ApiPropertyOptional({
    enum: ['cookie', 'bearer'],
    default: 'cookie',
    description: 'cookie: an httpOnly session cookie (browsers); bearer: access + refresh token (apps)',
  })
  @IsOptional()
  @IsIn(['cookie', 'bearer'])
  mode?: 'cookie' | 'bearer';
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Matches(/^lkr_[A-Za-z0-9_-]{20,100}$/, { message: 'refreshToken is not a refresh token' })
  refreshToken!: string;
}

export class TokenResponse {
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty() accessToken!: string;
  @ApiProperty() accessTokenExpiresAt!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty() sessionExpiresAt!: string;
}

export class SessionResponse {
  @ApiProperty() signedIn!: true;
  @ApiProperty() sessionExpiresAt!: string;
}

export class AcceptedResponse {
  @ApiProperty({ example: 'If this address belongs to an account, a sign-in link is on its way.' })
  message!: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Roosterkoppeling' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true, example: ['read'] })
  @IsIn(API_SCOPES, { each: true })
  @ArrayMinSize(1)
  scopes!: ApiScope[];

  @ApiPropertyOptional({ description: 'Days until it expires; none: until revoked', example: 365 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ApiTokenResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) scopes!: ApiScope[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class NewApiTokenResponse extends ApiTokenResponse {
  @ApiProperty({ description: 'Shown once. Send as `Authorization: Bearer <token>`.' }) token!: string;
}
