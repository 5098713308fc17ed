import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { ApiException, APP_CONFIG, NamedLockTimeout, withNamedLock, type AppConfig } from '@leerkring/core';
import type { Actor } from '../../access/actor';
import { AuditLog } from '../../audit/audit-log';
import { School } from '../../schools/school.entity';
import { SchoolCalendar } from '../school-calendar.service';
import { fetchFeedText, FeedFetchError } from './feed-fetch';
import { assertPublicHost, FeedUrlError, normalizeFeedUrl } from './feed-url';
import { SchoolCalendarFeed } from './school-calendar-feed.entity';

const MAX_ERROR_LENGTH = 500;
/** Longer than a fetch (10 s) and an import take together. */
const SYNC_LOCK_TIMEOUT_S = 60;

/**
 * A school's calendar by feed URL: the admin sets or removes the URL, the worker syncs it every
 * few hours and on request (`sync`). A sync fetches the URL (feed-fetch.ts: http(s) only, no
 * private addresses unless CALENDAR_FEED_ALLOW_PRIVATE, 10 s, 5 MB, 3 redirects) and imports it
 * with `SchoolCalendar.importIcalFeed`. A failed sync is recorded and keeps the study days the
 * last good one imported.
 */
@Injectable()
export class SchoolCalendarFeeds {
  private readonly logger = new Logger('SchoolCalendarFeeds');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: SchoolCalendar,
    private readonly audit: AuditLog,
  ) {}

  private get feeds(): Repository<SchoolCalendarFeed> {
    return this.dataSource.getRepository(SchoolCalendarFeed);
  }

  /** The school's feed, or null when it has none; 404 for an unknown school. */
  async get(schoolId: string): Promise<SchoolCalendarFeed | null> {
    await this.assertSchool(schoolId);
    return this.feeds.findOne({ where: { schoolId } });
  }

  /**
   * Sets (or replaces) the school's feed URL after checking it; a new URL starts without a sync
   * history. 400 with `url` named for a URL we will not fetch.
   */
  async set(actor: Actor, schoolId: string, rawUrl: string): Promise<SchoolCalendarFeed> {
    await this.assertSchool(schoolId);
    let url: URL;
    try {
      url = normalizeFeedUrl(rawUrl);
      await assertPublicHost(url, this.config.calendarFeeds.allowPrivate);
    } catch (error) {
      if (error instanceof FeedUrlError) {
        throw ApiException.validation([{ field: 'url', messages: [error.message] }]);
      }
      throw error;
    }
    const existing = await this.feeds.findOne({ where: { schoolId } });
    const href = url.toString();
    let feed: SchoolCalendarFeed;
    if (existing && existing.url === href) {
      feed = existing;
    } else if (existing) {
      await this.feeds.update(
        { id: existing.id },
        {
          url: href,
          lastSyncAt: null,
          lastSyncStatus: null,
          lastSyncError: null,
          lastSuccessAt: null,
          lastEventCount: null,
        },
      );
      feed = await this.feeds.findOneOrFail({ where: { id: existing.id } });
    } else {
      feed = await this.feeds.save(this.feeds.create({ schoolId, url: href }));
    }
    // The URL itself may hold a secret (private calendar links): the audit names the host only.
    await this.audit.record({
      actorPersonId: actor.personId,
      action: existing ? 'update' : 'create',
      entityType: 'school_calendar_feed',
      entityId: feed.id,
      details: { schoolId, host: url.host },
    });
    return feed;
  }

  /**
   * Removes the school's feed URL; the study days it imported stay (they can be removed one by
   * one, and a feed set later replaces them at its first sync). 404 when there is none.
   */
  async remove(actor: Actor, schoolId: string): Promise<void> {
    const feed = await this.get(schoolId);
    if (!feed) {
      throw ApiException.notFound('The calendar feed');
    }
    await this.feeds.delete({ id: feed.id });
    await this.audit.record({
      actorPersonId: actor.personId,
      action: 'delete',
      entityType: 'school_calendar_feed',
      entityId: feed.id,
      details: { schoolId },
    });
  }

  /** Notes that a sync was asked for (the caller queues it); 404 when the school has no feed. */
  async markSyncRequested(schoolId: string): Promise<SchoolCalendarFeed> {
    const feed = await this.get(schoolId);
    if (!feed) {
      throw ApiException.notFound('The calendar feed');
    }
    feed.syncRequestedAt = new Date();
    await this.feeds.update({ id: feed.id }, { syncRequestedAt: feed.syncRequestedAt });
    return feed;
  }

  /** Ids of the schools that have a feed, for the periodic sync. */
  async schoolIdsWithFeed(): Promise<string[]> {
    const rows = await this.feeds.find({ select: { schoolId: true }, order: { schoolId: 'ASC' } });
    return rows.map((row) => row.schoolId);
  }

  /**
   * Fetches and imports one school's feed, and records the outcome. Fetch and import failures
   * are recorded, not thrown; false when the school has no feed (any more), else whether it worked.
   * Syncs of one school take turns (a named lock, across worker processes): a sync asked for while
   * a slow one runs fetches after it, so an older fetch can never land over a newer one's study
   * days or outcome.
   */
  async sync(schoolId: string): Promise<boolean> {
    try {
      return await withNamedLock(this.dataSource, `school-calendar-feed-sync/${schoolId}`, SYNC_LOCK_TIMEOUT_S, () =>
        this.fetchAndImport(schoolId),
      );
    } catch (error) {
      if (!(error instanceof NamedLockTimeout)) {
        throw error;
      }
      this.logger.warn({ schoolId }, 'school calendar feed sync skipped: another sync of it is still running');
      return false;
    }
  }

  private async fetchAndImport(schoolId: string): Promise<boolean> {
    const feed = await this.feeds.findOne({ where: { schoolId } });
    if (!feed) {
      return false;
    }
    const url = feed.url;
    try {
      const text = await fetchFeedText(new URL(url), { allowPrivate: this.config.calendarFeeds.allowPrivate });
      const result = await this.calendar.importIcalFeed(schoolId, text);
      const now = new Date();
      // Only if the URL is still the one fetched: a URL changed meanwhile starts its own history.
      await this.feeds.update(
        { id: feed.id, url },
        {
          lastSyncAt: now,
          lastSyncStatus: 'ok',
          lastSyncError: null,
          lastSuccessAt: now,
          lastEventCount: result.events,
        },
      );
      this.logger.log({ feedId: feed.id, ...result }, 'school calendar feed synced');
      return true;
    } catch (error) {
      const message =
        error instanceof FeedFetchError
          ? error.message
          : error instanceof ApiException
            ? String((error.getResponse() as { detail?: string }).detail ?? error.message)
            : 'the feed could not be imported';
      if (!(error instanceof FeedFetchError) && !(error instanceof ApiException)) {
        this.logger.error({ feedId: feed.id, err: error }, 'school calendar feed sync failed unexpectedly');
      } else {
        this.logger.warn({ feedId: feed.id, reason: message }, 'school calendar feed sync failed');
      }
      await this.feeds.update(
        { id: feed.id, url },
        { lastSyncAt: new Date(), lastSyncStatus: 'failed', lastSyncError: message.slice(0, MAX_ERROR_LENGTH) },
      );
      return false;
    }
  }

  /** Syncs every feed, one after another; how many worked. */
  async syncAll(): Promise<number> {
    let synced = 0;
    for (const schoolId of await this.schoolIdsWithFeed()) {
      if (await this.sync(schoolId)) {
        synced += 1;
      }
    }
    return synced;
  }

  private async assertSchool(schoolId: string): Promise<void> {
    const school = await this.dataSource
      .getRepository(School)
      .findOne({ select: { id: true }, where: { id: schoolId } });
    if (!school) {
      throw ApiException.notFound('The school');
    }
  }
}
