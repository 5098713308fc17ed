import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageInfo, PageQuery } from '@leerkring/core';
import { AuditLog, CurrentActor, Roles, type Actor, type AuditEvent } from '@leerkring/people';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorPersonId?: string;
  @ApiPropertyOptional({ example: 'person' }) @IsOptional() @IsString() @Length(1, 40) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) entityId?: string;
  @ApiPropertyOptional({ example: 'update' }) @IsOptional() @IsString() @Length(1, 40) action?: string;
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+01:00' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+01:00' }) @IsOptional() @IsDateString() to?: string;
}

class AuditEventResponse {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) actorPersonId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ nullable: true, type: Object }) details!: Record<string, unknown> | null;
}

class AuditPage extends PageInfo {
  @ApiProperty({ type: [AuditEventResponse] }) items!: AuditEventResponse[];
}

const mapEvent = (event: AuditEvent): AuditEventResponse => ({
  id: String(event.id),
  occurredAt: event.occurredAt.toISOString(),
  actorPersonId: event.actorPersonId,
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId,
  details: event.details,
});

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The audit log, newest first, filterable (admin)' })
  @ApiOkResponse({ type: AuditPage })
  async list(@CurrentActor() _actor: Actor, @Query() query: AuditQuery): Promise<AuditPage> {
    const page = await this.audit.find({
      ...query,
      limit: query.limit ?? 50,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return { items: page.items.map(mapEvent), nextCursor: page.nextCursor };
  }
}
