import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, ApiException, RateLimiter, type AppConfig } from '@leerkring/core';
import { MailDispatcher, Outbox, type MailMessage } from '@leerkring/notifications';
import type { Actor } from '@leerkring/people';
import { AppointmentPlanner, SchedulingRules } from '@leerkring/scheduling';
import { KeyedBatches, type Settled } from './keyed-batches';
import { signOfferToken, verifyOfferToken } from './offer-token';
import { themeMailDraft, type ThemeMailKind } from './theme-mail';
import {
  LIVE,
  SEAT_HOLDING,
  ThemeRegistration,
  type AttendanceMode,
  type ThemeMeeting,
  type ThemeMeetingSession,
} from './theme-meeting.entity';
import { mapRegistration, type RegistrationResponse, type SignUpDto } from './theme-meeting.dto';
import { ThemeMeetingsRepository, duplicateEntry, isDuplicateEntry } from './theme-meetings.repository';
import { ThemeAudience } from './theme-audience';

/** Generous: a person clicking a few times, or a script of their own, never a burst of a thousand. */
const SIGN_UP_LIMIT = { name: 'theme-signup', limit: 60, windowSeconds: 60 };
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

export type OfferAnswer = 'accept' | 'decline';
export type OfferOutcome =
  | { kind: 'accepted' | 'declined' | 'unchanged'; title: string; status: string }
  | { kind: 'expired'; title: string }
  | { kind: 'invalid' };

/** A sign-up that passed its checks and waits for a seat or a ticket. */
interface PendingSignUp {
  meeting: ThemeMeeting;
  mode: AttendanceMode;
  sessions: readonly ThemeMeetingSession[];
  /** Filled in by the batch: status, ticket, confirmation time. */
  registration: ThemeRegistration;
  /** A cancelled, declined or expired registration of this person taken up again. */
  reuse: boolean;
  now: Date;
}

interface Seated {
  registration: ThemeRegistration;
  position: number | null;
}

/** Sign-ups of one meeting seated together at most; bounds one transaction's statement size and lock time. */
const MAX_SIGN_UP_BATCH = 50;

/** What a transaction leaves to do after its commit. */
interface AfterCommit {
  mails: MailMessage[];
}

/**
 * Sign-up, cancellation and the waitlist. Every change to a meeting's seats runs in one
 * transaction that first takes the meeting's row lock, and a seat counter only moves by a
 * conditional UPDATE that cannot pass the capacity (ThemeMeetingsRepository.takeSeat/takeSeats).
 * Sign-ups that arrive together for one meeting are seated together, a batch per transaction, in
 * arrival order (seatBatch). A freed seat goes to the first waitlisted person in the same
 * transaction that freed it: confirmed directly, or offered with a deadline.
 */
@Injectable()
export class RegistrationsService {
  /** Sign-ups per meeting and mode, seated a batch per transaction (see seatBatch). */
  private readonly seating = new KeyedBatches<PendingSignUp, Seated>(
    (signUps) => this.seatBatch(signUps),
    MAX_SIGN_UP_BATCH,
  );

  constructor(
    private readonly repository: ThemeMeetingsRepository,
    private readonly audience: ThemeAudience,
    private readonly planner: AppointmentPlanner,
    private readonly rules: SchedulingRules,
    private readonly mail: MailDispatcher,
    private readonly limiter: RateLimiter,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signUp(
    actor: Actor,
    meetingId: string,
    input: SignUpDto,
    idempotencyKey: string | undefined,
    now = new Date(),
  ): Promise<{ created: boolean; registration: RegistrationResponse }> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw ApiException.validation([
        { field: 'Idempotency-Key', messages: ['Idempotency-Key is 1–100 letters, digits or . _ : -'] },
      ]);
    }
    // One round trip for the meeting, its sessions and my registration, beside the rate limit's.
    const [found] = await Promise.all([
      this.repository.meetingForSignUp(meetingId, actor.personId),
      this.limiter.consume(SIGN_UP_LIMIT, actor.personId),
    ]);
    const meeting = this.audience.assertVisible(actor, found?.meeting ?? null);
    const sessions = found?.sessions ?? [];
    if (idempotencyKey) {
      const earlier = await this.repository.byIdempotencyKey(actor.personId, idempotencyKey);
      if (earlier && earlier.meetingId !== meetingId) {
        throw ApiException.businessRule('idempotency_key_reused', 'Idempotency-Key used for another meeting', {
          detail: 'Send a new Idempotency-Key for each sign-up.',
        });
      }
      if (earlier) {
        return { created: false, registration: await this.respond(earlier, meeting) };
      }
    }
    const existing = found?.mine ?? null;
    if (existing && LIVE.includes(existing.status)) {
      return { created: false, registration: await this.respond(existing, meeting) };
    }
    assertOpen(meeting, now);
    const mode = modeFor(meeting, input.mode);

    const registration =
      existing ??
      Object.assign(new ThemeRegistration(), {
        id: randomUUID(),
        meetingId,
        personId: actor.personId,
        offerRound: 0,
        attendedHours: null,
        evaluationScore: null,
        evaluationComment: null,
        createdAt: now,
      });
    Object.assign(registration, {
      mode,
      idempotencyKey: idempotencyKey ?? registration.idempotencyKey ?? null,
      offerDeadline: null,
      cancelledAt: null,
    });

    let outcome: { created: boolean; registration: ThemeRegistration; position: number | null };
    try {
      const seated = await this.seating.submit(`${meetingId}/${mode}`, {
        meeting,
        mode,
        sessions,
        registration,
        reuse: existing !== null,
        now,
      });
      outcome = { created: true, ...seated };
    } catch (error) {
      if (!isDuplicateEntry(error)) {
        throw error;
      }
      // The same person (or the same Idempotency-Key) raced themselves: the other request made it.
      const made =
        (await this.repository.registrationOf(this.repository.manager, meetingId, actor.personId)) ??
        (idempotencyKey ? await this.repository.byIdempotencyKey(actor.personId, idempotencyKey) : null);
      if (!made) {
        throw error;
      }
      outcome = { created: false, registration: made, position: await this.repository.position(made) };
    }
    if (outcome.registration.status === 'confirmed') {
      this.wakeOutbox();
    }
    const response = mapRegistration(outcome.registration, outcome.position);
    response.clashes = await this.clashes(meeting, sessions, actor.personId);
    return { created: outcome.created, registration: response };
  }

  /**
   * Seats a batch of sign-ups for one meeting and mode (see KeyedBatches) in one transaction. A
   * person's repeated click in the same batch is not seated twice: it is answered, after the
   * commit, as the duplicate it is (signUp then returns the registration the first click made).
   * When the transaction fails (a person racing themselves from another process, a registration
   * taken up twice), each sign-up runs again on its own, in order, so only the one at fault fails.
   */
  private async seatBatch(batch: PendingSignUp[]): Promise<Array<Settled<Seated>>> {
    const firsts = new Map<string, PendingSignUp>();
    for (const signUp of batch) {
      if (!firsts.has(signUp.registration.personId)) {
        firsts.set(signUp.registration.personId, signUp);
      }
    }
    const signUps = [...firsts.values()];
    const seated = await this.seatTogether(signUps);
    const outcomes = new Map(signUps.map((signUp, index) => [signUp, seated[index]]));
    return batch.map(
      (signUp) =>
        outcomes.get(signUp) ?? { ok: false, error: duplicateEntry('the same person signed up twice at once') },
    );
  }

  private async seatTogether(signUps: PendingSignUp[]): Promise<Array<Settled<Seated>>> {
    const alone = (signUp: PendingSignUp) =>
      this.repository
        .transaction((manager) => this.seatAll(manager, [signUp]))
        .then(
          ([settled]) => settled,
          (error: unknown): Settled<Seated> => ({ ok: false, error }),
        );
    if (signUps.length === 1) {
      return [await alone(signUps[0])];
    }
    try {
      return await this.repository.transaction((manager) => this.seatAll(manager, signUps));
    } catch {
      const settled: Array<Settled<Seated>> = [];
      for (const signUp of signUps) {
        settled.push(await alone(signUp));
      }
      return settled;
    }
  }

  /**
   * The sign-up transaction, few statements since every sign-up for this meeting queues behind
   * its row lock: lock and read the seat counter, take the seats left (first come, first seated)
   * and waitlist tickets for the rest, write the registrations, put the seated people on the
   * sessions' appointments (one version bump and one outbox row for all), and count who waited
   * before the new tickets, for their positions.
   */
  private async seatAll(manager: EntityManager, signUps: PendingSignUp[]): Promise<Array<Settled<Seated>>> {
    const [{ meeting, mode, sessions }] = signUps;
    const counter = await this.repository.lockSeats(manager, meeting, mode);
    if (!counter) {
      const error = ApiException.businessRule('meeting_cancelled', 'The theme meeting is cancelled');
      return signUps.map(() => ({ ok: false, error }));
    }
    const seats = Math.min(signUps.length, Math.max(0, counter.capacity - counter.taken));
    const firstTicket = counter.waitlistSeq + 1;
    // Decided under the lock, so the conditional update cannot refuse; if it did, the batch rolls back.
    if (!(await this.repository.takeSeats(manager, meeting, mode, seats, signUps.length - seats))) {
      throw new Error(`the seat counter of meeting ${meeting.id} did not take ${seats} seat(s)`);
    }
    signUps.forEach(({ registration, now }, index) => {
      if (index < seats) {
        Object.assign(registration, { status: 'confirmed', waitlistSeq: null, confirmedAt: now });
      } else {
        Object.assign(registration, {
          status: 'waitlisted',
          waitlistSeq: firstTicket + index - seats,
          confirmedAt: null,
        });
      }
    });
    await this.repository.writeSignUps(manager, signUps);
    if (seats > 0) {
      const seated = signUps.slice(0, seats).map((signUp) => signUp.registration.personId);
      await this.join(manager, meeting.id, seated, sessions);
    }
    const before =
      seats < signUps.length ? await this.repository.waitingBefore(manager, meeting.id, mode, firstTicket) : 0;
    return signUps.map(({ registration }, index) => ({
      ok: true,
      value: { registration, position: index < seats ? null : before + index - seats + 1 },
    }));
  }

  async get(actor: Actor, meetingId: string, registrationId: string): Promise<RegistrationResponse> {
    await this.expireDue(meetingId);
    const registration = await this.repository.registration(registrationId);
    const meeting = registration?.meetingId === meetingId ? await this.repository.findMeeting(meetingId) : null;
    if (!registration || !meeting || !canSeeRegistration(actor, meeting, registration)) {
      throw ApiException.notFound('The registration');
    }
    return this.respond(registration, meeting);
  }

  /** The caller's own registration for a meeting. */
  async mine(actor: Actor, meetingId: string): Promise<RegistrationResponse> {
    const meeting = await this.audience.visibleMeeting(actor, meetingId);
    await this.expireDue(meetingId);
    const registration = await this.repository.registrationOf(this.repository.manager, meetingId, actor.personId);
    if (!registration) {
      throw ApiException.notFound('Your registration');
    }
    return this.respond(registration, meeting);
  }

  /**
   * Cancels a registration: the person themselves before the cancellation deadline, the organiser
   * or an admin at any time. A freed seat goes to the waitlist in the same transaction.
   */
  async cancel(
    actor: Actor,
    meetingId: string,
    registrationId: string,
    now = new Date(),
  ): Promise<RegistrationResponse> {
    const registration = await this.repository.registration(registrationId);
    const meeting = registration?.meetingId === meetingId ? await this.repository.findMeeting(meetingId) : null;
    if (!registration || !meeting || !canSeeRegistration(actor, meeting, registration)) {
      throw ApiException.notFound('The registration');
    }
    const organising = actor.isAdmin || actor.personId === meeting.organizerPersonId;
    const deadline = meeting.cancellationDeadline ?? meeting.startsAt;
    if (!organising && LIVE.includes(registration.status) && now >= deadline) {
      throw ApiException.businessRule('cancellation_deadline_passed', 'Too late to cancel yourself', {
        detail: `The cancellation deadline was ${deadline.toISOString()}; ask the organiser.`,
      });
    }
    const after: AfterCommit = { mails: [] };
    const result = await this.repository.transaction(async (manager) => {
      after.mails = [];
      const locked = await this.repository.lockMeeting(manager, meetingId);
      const current = await this.repository.registration(registrationId, manager, true);
      if (!locked || !current) {
        throw ApiException.notFound('The registration');
      }
      if (!LIVE.includes(current.status)) {
        return current;
      }
      const held = SEAT_HOLDING.includes(current.status);
      if (current.status === 'confirmed' && locked.status === 'published') {
        await this.leave(manager, meetingId, [current.personId]);
      }
      Object.assign(current, { status: 'cancelled', cancelledAt: now, offerDeadline: null, waitlistSeq: null });
      await this.repository.saveRegistration(manager, current);
      if (held) {
        await this.repository.releaseSeat(manager, locked, current.mode);
        await this.promote(manager, locked, current.mode, now, after);
      }
      return current;
    });
    await this.afterCommit(after);
    return this.respond(result, meeting);
  }

  /** After capacity grew: fills the new seats from the waitlist. Runs in the caller's transaction, meeting locked. */
  async fill(manager: EntityManager, meeting: ThemeMeeting, now: Date, after: AfterCommit): Promise<void> {
    // Each waitlist the meeting has: an online-only meeting's sign-ups wait as `online`.
    const modes: AttendanceMode[] =
      meeting.format === 'hybrid' ? ['on_site', 'online'] : [meeting.format === 'online' ? 'online' : 'on_site'];
    for (const mode of modes) {
      await this.promote(manager, meeting, mode, now, after);
    }
  }

  /** Answers a waitlist offer from the link in its mail. */
  async answerOffer(token: string, answer: OfferAnswer, now = new Date()): Promise<OfferOutcome> {
    const claim = verifyOfferToken(this.config.appSecret, token);
    if (!claim) {
      return { kind: 'invalid' };
    }
    return this.settleOffer(claim.registrationId, claim.round, answer, now);
  }

  /**
   * Answers the caller's own waitlist offer for a meeting, from the app. The same rules as the
   * mail link (settleOffer); 404 without a registration, 422 offer_expired when the deadline has
   * passed or the offer went to the next person, 422 no_open_offer when there is nothing to answer.
   */
  async answerMyOffer(
    actor: Actor,
    meetingId: string,
    answer: OfferAnswer,
    now = new Date(),
  ): Promise<RegistrationResponse> {
    const meeting = await this.audience.visibleMeeting(actor, meetingId);
    const registration = await this.repository.registrationOf(this.repository.manager, meetingId, actor.personId);
    if (!registration) {
      throw ApiException.notFound('Your registration');
    }
    const answered =
      registration.offerRound > 0 &&
      ((answer === 'accept' && registration.status === 'confirmed') ||
        (answer === 'decline' && registration.status === 'declined'));
    if (registration.status !== 'offered' && !answered) {
      throw registration.status === 'expired' ? offerExpired() : noOpenOffer(registration.status);
    }
    const outcome = await this.settleOffer(registration.id, registration.offerRound, answer, now);
    if (outcome.kind === 'invalid') {
      throw ApiException.notFound('Your registration');
    }
    if (outcome.kind === 'expired') {
      throw offerExpired();
    }
    const current = await this.repository.registration(registration.id);
    if (!current) {
      throw ApiException.notFound('Your registration');
    }
    return this.respond(current, meeting);
  }

  /**
   * Records the answer to offer round `round` of a registration: the one place that decides, for
   * the mail link and the app alike. Answering the same way again changes nothing; an offer whose
   * deadline has passed goes to the next person.
   */
  private async settleOffer(
    registrationId: string,
    round: number,
    answer: OfferAnswer,
    now: Date,
  ): Promise<OfferOutcome> {
    const registration = await this.repository.registration(registrationId);
    if (!registration) {
      return { kind: 'invalid' };
    }
    const after: AfterCommit = { mails: [] };
    const outcome = await this.repository.transaction(async (manager): Promise<OfferOutcome> => {
      after.mails = [];
      const meeting = await this.repository.lockMeeting(manager, registration.meetingId);
      const current = await this.repository.registration(registration.id, manager, true);
      if (!meeting || !current) {
        return { kind: 'invalid' };
      }
      if (current.offerRound !== round || current.status !== 'offered') {
        // Answered already (the same answer again changes nothing), or the offer is gone.
        const same =
          current.offerRound === round &&
          ((answer === 'accept' && current.status === 'confirmed') ||
            (answer === 'decline' && current.status === 'declined'));
        return same
          ? { kind: 'unchanged', title: meeting.title, status: current.status }
          : { kind: 'expired', title: meeting.title };
      }
      if (current.offerDeadline && current.offerDeadline <= now) {
        await this.expireOne(manager, meeting, current, now, after);
        return { kind: 'expired', title: meeting.title };
      }
      if (answer === 'accept') {
        Object.assign(current, { status: 'confirmed', offerDeadline: null, confirmedAt: now });
        await this.repository.saveRegistration(manager, current);
        await this.join(manager, meeting.id, [current.personId]);
        return { kind: 'accepted', title: meeting.title, status: current.status };
      }
      Object.assign(current, { status: 'declined', offerDeadline: null, cancelledAt: now });
      await this.repository.saveRegistration(manager, current);
      await this.repository.releaseSeat(manager, meeting, current.mode);
      await this.promote(manager, meeting, current.mode, now, after);
      return { kind: 'declined', title: meeting.title, status: current.status };
    });
    await this.afterCommit(after);
    return outcome;
  }

  /**
   * Passes every offer whose deadline has passed to the next person. Called for a meeting before
   * it is read, and periodically for all (the safety net). Idempotent and safe to run anywhere.
   */
  async expireDue(meetingId?: string, now = new Date()): Promise<number> {
    const due = await this.repository.expiredOffers(now, meetingId);
    let expired = 0;
    for (const offer of due) {
      const after: AfterCommit = { mails: [] };
      const done = await this.repository.transaction(async (manager) => {
        after.mails = [];
        const meeting = await this.repository.lockMeeting(manager, offer.meetingId);
        const current = await this.repository.registration(offer.id, manager, true);
        if (
          !meeting ||
          !current ||
          current.status !== 'offered' ||
          !current.offerDeadline ||
          current.offerDeadline > now
        ) {
          return false;
        }
        await this.expireOne(manager, meeting, current, now, after);
        return true;
      });
      await this.afterCommit(after);
      expired += done ? 1 : 0;
    }
    return expired;
  }

  private async expireOne(
    manager: EntityManager,
    meeting: ThemeMeeting,
    registration: ThemeRegistration,
    now: Date,
    after: AfterCommit,
  ): Promise<void> {
    Object.assign(registration, { status: 'expired', offerDeadline: null });
    await this.repository.saveRegistration(manager, registration);
    await this.repository.releaseSeat(manager, meeting, registration.mode);
    await this.promote(manager, meeting, registration.mode, now, after);
  }

  /**
   * While a seat of this mode is free and someone waits for one: the first in line gets it.
   * Runs under the meeting's row lock, so two promotions never pick the same person or seat.
   */
  private async promote(
    manager: EntityManager,
    meeting: ThemeMeeting,
    mode: AttendanceMode,
    now: Date,
    after: AfterCommit,
  ): Promise<void> {
    if (meeting.status !== 'published' || meeting.startsAt <= now) {
      return;
    }
    for (;;) {
      const next = await this.repository.firstWaiting(manager, meeting.id, mode);
      if (!next || !(await this.repository.takeSeat(manager, meeting, mode))) {
        return;
      }
      next.offerRound += 1;
      let kind: ThemeMailKind;
      if (meeting.offerMode === 'confirm_directly') {
        Object.assign(next, { status: 'confirmed', waitlistSeq: null, confirmedAt: now });
        await this.repository.saveRegistration(manager, next);
        await this.join(manager, meeting.id, [next.personId]);
        kind = 'theme-promoted';
      } else {
        const deadline = Math.min(now.getTime() + meeting.offerHours * 3_600_000, meeting.startsAt.getTime());
        Object.assign(next, { status: 'offered', waitlistSeq: null, offerDeadline: new Date(deadline) });
        await this.repository.saveRegistration(manager, next);
        kind = 'theme-offer';
      }
      const person = await this.repository.person(manager, next.personId);
      if (person) {
        const token = signOfferToken(this.config.appSecret, { registrationId: next.id, round: next.offerRound });
        const draft = themeMailDraft({
          kind,
          meeting,
          registration: next,
          person,
          foundationName: await this.repository.foundationName(manager),
          offerUrl: `${this.config.publicUrl}/api/v1/theme-offers/${token}`,
        });
        after.mails.push(await this.mail.store(draft, manager));
      }
    }
  }

  /** Adds people to every session's appointment; the notifier mails them the invitation. */
  async join(
    manager: EntityManager,
    meetingId: string,
    personIds: string[],
    sessions?: readonly ThemeMeetingSession[],
  ): Promise<void> {
    for (const session of sessions ?? (await this.repository.sessions(meetingId, manager))) {
      await this.planner.join(manager, session.appointmentId, personIds);
    }
  }

  /** Takes people off every session's appointment; the notifier mails them the cancellation. */
  async leave(manager: EntityManager, meetingId: string, personIds: string[]): Promise<void> {
    for (const session of await this.repository.sessions(meetingId, manager)) {
      const locked = await this.planner.lock(manager, session.appointmentId);
      if (locked && locked.appointment.status === 'scheduled') {
        await this.planner.removeParticipants(manager, locked, personIds);
      }
    }
  }

  async afterCommit(after: AfterCommit): Promise<void> {
    this.wakeOutbox();
    for (const message of after.mails) {
      if (message.status === 'queued') {
        await this.mail.enqueue(message);
      }
    }
  }

  /** Our transactions are our own (with deadlock retry), so we wake the outbox relay after each commit. */
  private wakeOutbox(): void {
    this.outbox.wake();
  }

  private async respond(registration: ThemeRegistration, meeting: ThemeMeeting): Promise<RegistrationResponse> {
    void meeting;
    return mapRegistration(registration, await this.repository.position(registration));
  }

  /** My other appointments each session clashes with: told, not refused. One query for all sessions. */
  private async clashes(
    meeting: ThemeMeeting,
    sessions: readonly ThemeMeetingSession[],
    personId: string,
  ): Promise<RegistrationResponse['clashes']> {
    const perSession = await this.rules.clashesOfEach(
      this.repository.manager,
      sessions.map((session) => ({
        id: session.appointmentId,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        schoolId: meeting.schoolId,
        room: meeting.room,
        personIds: [personId],
      })),
      [personId],
      false,
    );
    return sessions.flatMap((session, index) =>
      perSession[index].map((clash) => ({
        sessionId: session.id,
        kind: clash.kind,
        start: clash.busy.startsAt.toISOString(),
        end: clash.busy.endsAt.toISOString(),
      })),
    );
  }
}

function canSeeRegistration(actor: Actor, meeting: ThemeMeeting, registration: ThemeRegistration): boolean {
  return actor.isAdmin || actor.personId === registration.personId || actor.personId === meeting.organizerPersonId;
}

function offerExpired(): ApiException {
  return ApiException.businessRule('offer_expired', 'The offer has expired', {
    detail: 'The deadline to answer has passed; the seat went to the next person on the waitlist.',
  });
}

function noOpenOffer(status: string): ApiException {
  return ApiException.businessRule('no_open_offer', 'There is no offer to answer', {
    detail: `Your registration is ${status}.`,
  });
}

function assertOpen(meeting: ThemeMeeting, now: Date): void {
  if (meeting.status !== 'published') {
    throw ApiException.businessRule('meeting_cancelled', 'The theme meeting is cancelled');
  }
  if (now < meeting.registrationOpensAt) {
    throw ApiException.businessRule('registration_not_open', 'Registration has not opened yet', {
      detail: `Registration opens at ${meeting.registrationOpensAt.toISOString()}.`,
    });
  }
  if (now >= meeting.registrationClosesAt || now >= meeting.startsAt) {
    throw ApiException.businessRule('registration_closed', 'Registration has closed');
  }
}

function modeFor(meeting: ThemeMeeting, requested: AttendanceMode | undefined): AttendanceMode {
  if (meeting.format === 'hybrid') {
    return requested ?? 'on_site';
  }
  const only: AttendanceMode = meeting.format === 'online' ? 'online' : 'on_site';
  if (requested && requested !== only) {
    throw ApiException.validation([{ field: 'mode', messages: [`this meeting is ${meeting.format} only`] }]);
  }
  return only;
}
