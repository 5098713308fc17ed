import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PageInfo, PageQuery } from '@leerkring/core';
import type { MailMessage } from '@leerkring/notifications';
import { Roles } from '@leerkring/people';
import { MailFailuresRepository } from './mail-failures.repository';

class MailFailureResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'invitation', description: 'invitation, update, cancellation, login_link, …' }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) recipientPersonId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '550 Mailbox unavailable' }) reason!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'When the mail was stored' }) createdAt!: string;
  @ApiProperty({ description: 'When it was given up on' }) failedAt!: string;
}

class MailFailuresPage extends PageInfo {
  @ApiProperty({ type: [MailFailureResponse] }) items!: MailFailureResponse[];
}

// No address or subject: the person id leads to them for whoever may see the person.
const mapFailure = (mail: MailMessage): MailFailureResponse => ({
  id: mail.id,
  kind: mail.kind,
  recipientPersonId: mail.recipientPersonId,
  reason: mail.lastError,
  attempts: mail.attempts,
  createdAt: mail.createdAt.toISOString(),
  failedAt: mail.updatedAt.toISOString(),
});

@ApiTags('admin')
@Controller('admin/mail-failures')
export class MailFailuresController {
  constructor(private readonly failures: MailFailuresRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Mails that could not be delivered, newest first (admin)',
    description: 'Refused permanently by the mail server (5xx), or still failing after the last retry.',
  })
  @ApiOkResponse({ type: MailFailuresPage })
  async list(@Query() query: PageQuery): Promise<MailFailuresPage> {
    const page = await this.failures.page(query.limit ?? 50, query.cursor);
    return { items: page.items.map(mapFailure), nextCursor: page.nextCursor };
  }
}
