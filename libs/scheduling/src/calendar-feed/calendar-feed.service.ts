import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApiException, APP_CONFIG, type AppConfig } from '@leerkring/core';
import { displayName } from '@leerkring/people';
import { buildCalendarFeed, type FeedEvent } from './calendar-feed-ics';
import { hashFeedToken, isFeedToken, newFeedToken } from './calendar-feed-token';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { appointmentIcsFields } from '../appointments/appointment-ics';
import { AppointmentsRepository } from '../appointments/appointments.repository';

/** How far back the feed reaches: recent appointments stay visible for a month. */
export const FEED_PAST_DAYS = 30;
/** At most this many appointments in one feed (a person has far fewer). */
export const FEED_LIMIT = 2_000;
/** How often calendar apps are asked to fetch again; also the HTTP cache lifetime. */
export const FEED_REFRESH_MINUTES = 60;
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CalendarFeedStatus {
  exists: boolean;
  createdAt: Date | null;
  lastUsedAt: Date | null;
}

export interface NewCalendarFeed {
  /** The subscription URL. Shown once: only the token's hash is kept. */
  url: string;
  createdAt: Date;
}

export interface CalendarFeedBody {
  ics: string;
  /** The newest change among its appointments, for Last-Modified. */
  lastModified: Date | null;
}

/**
 * A person's personal calendar feed (`/api/v1/calendar/{token}.ics`): a secret URL a calendar
 * app subscribes to. Each person manages only their own, so there is no access check beyond
 * being signed in; the feed itself is public and the token is the credential.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly repository: CalendarFeedRepository,
    private readonly appointments: AppointmentsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(personId: string): Promise<CalendarFeedStatus> {
    const token = await this.repository.findByPerson(personId);
    return { exists: token !== null, createdAt: token?.createdAt ?? null, lastUsedAt: token?.lastUsedAt ?? null };
  }

  /** Makes the person's feed, or a new URL in place of the old one (which stops working at once). */
  async create(personId: string, now = new Date()): Promise<NewCalendarFeed> {
    const token = newFeedToken();
    await this.repository.upsert(randomUUID(), personId, hashFeedToken(token, this.config.appSecret), now);
    return { url: `${this.config.publicUrl}/api/v1/calendar/${token}.ics`, createdAt: now };
  }

  /** Revokes the feed; revoking one that does not exist is not an error. */
  async revoke(personId: string): Promise<void> {
    await this.repository.deleteByPerson(personId);
  }

  /** The feed behind a token, or 404 for a malformed, unknown or revoked token, or an inactive person. */
  async render(token: string, now = new Date()): Promise<CalendarFeedBody> {
    const row = isFeedToken(token)
      ? await this.repository.findByHash(hashFeedToken(token, this.config.appSecret))
      : null;
    const person = row && (await this.repository.activePerson(row.personId));
    if (!row || !person) {
      throw ApiException.notFound('The calendar feed');
    }
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.repository.touch(row.id, now);
    }

    const appointments = await this.appointments.agenda(
      person.id,
      new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000),
      undefined,
      FEED_LIMIT,
    );
    const people = new Map(
      (await this.repository.people(appointments.map((appointment) => appointment.organizerPersonId))).map((p) => [
        p.id,
        p,
      ]),
    );
    const schools = new Map(
      (
        await this.repository.schools(
          appointments.flatMap((appointment) => (appointment.schoolId ? [appointment.schoolId] : [])),
        )
      ).map((school) => [school.id, school]),
    );
    const events: FeedEvent[] = appointments.map((appointment) => {
      const organizer = people.get(appointment.organizerPersonId);
      const school = appointment.schoolId ? schools.get(appointment.schoolId) : undefined;
      return {
        ...appointmentIcsFields(appointment, school?.name, {
          name: organizer ? displayName(organizer) : 'Leerkring',
          email: organizer?.email ?? 'no-reply@leerkring.local',
        }),
        // The last change, not the time of the request: an unchanged feed is byte-identical,
        // so its ETag holds and calendar apps get 304s.
        stamp: appointment.updatedAt,
        cancelled: appointment.status === 'cancelled',
      };
    });
    const lastModified = appointments.reduce<Date | null>(
      (latest, appointment) => (latest && latest >= appointment.updatedAt ? latest : appointment.updatedAt),
      null,
    );
    return {
      ics: buildCalendarFeed(events, {
        name: person.language === 'en' ? 'Leerkring appointments' : 'Leerkring-afspraken',
        refreshMinutes: FEED_REFRESH_MINUTES,
      }),
      lastModified,
    };
  }
}
