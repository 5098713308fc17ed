import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@leerkring/people';
import { CalendarFeedRepository } from './calendar-feed.repository';

/**
 * The calendar feed in a person's data export (whether they have one, since when, last fetched;
 * never the token, which is not stored). Erasure deletes it, so the URL stops working.
 */
@Injectable()
export class CalendarFeedPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repository: CalendarFeedRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'calendarFeed',
      export: async (personId, manager) => {
        const token = await this.repository.exportOf(personId, manager);
        return {
          exists: token !== null,
          createdAt: token?.createdAt.toISOString() ?? null,
          lastUsedAt: token?.lastUsedAt?.toISOString() ?? null,
        };
      },
      erase: (personId, manager) => this.repository.deleteByPerson(personId, manager),
    });
  }
}
