import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { decodeCursor, toPage } from '@leerkring/core';
import { MailMessage } from '@leerkring/notifications';

/**
 * Reads failed mails for the admins' overview: newest failure first, keyset-paged on
 * (updated_at, id). Read-only; the mail pipeline in libs/notifications owns the writes.
 */
@Injectable()
export class MailFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(limit: number, cursor: string | undefined): Promise<{ items: MailMessage[]; nextCursor: string | null }> {
    const query = this.dataSource.manager
      .createQueryBuilder(MailMessage, 'mail')
      .where("mail.status = 'failed'")
      .orderBy('mail.updated_at', 'DESC')
      .addOrderBy('mail.id', 'DESC')
      .limit(limit + 1);
    const position = decodeCursor(cursor);
    if (position) {
      const at = new Date(position.key);
      query.andWhere(
        new Brackets((where) =>
          where
            .where('mail.updated_at < :at', { at })
            .orWhere('mail.updated_at = :at AND mail.id < :id', { at, id: position.id }),
        ),
      );
    }
    const rows = await query.getMany();
    return toPage(rows, limit, (row) => ({ key: row.updatedAt.toISOString(), id: row.id }));
  }
}
