import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, ApiException, type AppConfig } from '@leerkring/core';
import { MailDispatcher } from '@leerkring/notifications';
import type { EvaluationDto, EvaluationResponse } from './attendance.dto';
import { AttendanceService } from './attendance.service';
import { signEvaluationToken, verifyEvaluationToken } from './offer-token';
import { themeMailDraft } from './theme-mail';
import { ThemeRegistration, type ThemeMeeting } from './theme-meeting.entity';
import { ThemeMeetingsRepository } from './theme-meetings.repository';

/** Meetings that ended longer ago than this get no evaluation mail any more (attendance marked late). */
const ASK_WITHIN_DAYS = 14;

/** What the evaluation link opens: the meeting it is about, or why it cannot be used. */
export type EvaluationLink =
  { kind: 'open'; title: string; score: number | null; comment: string | null } | { kind: 'invalid' };

/**
 * The evaluation after a theme meeting, by mail: each confirmed participant who attended gets one
 * mail with a signed link (no sign-in needed) to a form of a score 1–5 and a comment. The worker
 * calls `sendDue` every few minutes, so a mail follows the meeting's end, or the organiser's late
 * attendance marks, within minutes.
 */
@Injectable()
export class EvaluationLinks {
  private readonly logger = new Logger('EvaluationLinks');

  constructor(
    private readonly repository: ThemeMeetingsRepository,
    private readonly attendance: AttendanceService,
    private readonly mail: MailDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Mails the evaluation link to every participant of a meeting that has ended (within the last
   * two weeks) who attended and was not asked yet. Several workers may run it at once: the mail's
   * dedupe key makes a second ask a no-op. Returns how many were asked.
   */
  async sendDue(now = new Date(), limit = 500): Promise<number> {
    const since = new Date(now.getTime() - ASK_WITHIN_DAYS * 86_400_000);
    const due: Array<{ id: string }> = await this.repository.manager.query(
      `SELECT r.id FROM theme_registration r JOIN theme_meeting m ON m.id = r.meeting_id
        WHERE m.status = 'published' AND m.ends_at <= ? AND m.ends_at > ?
          AND r.status = 'confirmed' AND r.evaluation_requested_at IS NULL AND r.evaluated_at IS NULL
          AND EXISTS (SELECT 1 FROM theme_attendance a WHERE a.registration_id = r.id AND a.present = 1)
        ORDER BY m.ends_at, r.id LIMIT ?`,
      [now, since, limit],
    );
    const foundationName = await this.repository.foundationName(this.repository.manager);
    let asked = 0;
    for (const { id } of due) {
      const registration = await this.repository.registration(id);
      const meeting = registration && (await this.repository.findMeeting(registration.meetingId));
      const person = registration && (await this.repository.person(this.repository.manager, registration.personId));
      if (registration && meeting && person) {
        const token = signEvaluationToken(this.config.appSecret, registration.id);
        await this.mail.dispatch(
          themeMailDraft({
            kind: 'theme-evaluation',
            meeting,
            registration,
            person,
            foundationName,
            evaluationUrl: `${this.config.publicUrl}/api/v1/theme-evaluations/${token}`,
          }),
        );
        asked += 1;
      }
      // Recorded after the mail is stored: a crash in between asks again, and the dedupe key drops it.
      await this.repository.manager.update(ThemeRegistration, { id }, { evaluationRequestedAt: now });
    }
    if (asked > 0) {
      this.logger.log({ asked }, 'evaluation links mailed');
    }
    return asked;
  }

  /** What the link shows: the meeting's title and the evaluation given so far, if any. */
  async open(token: string): Promise<EvaluationLink> {
    const found = await this.resolve(token);
    if (!found) {
      return { kind: 'invalid' };
    }
    const { meeting, registration } = found;
    return {
      kind: 'open',
      title: meeting.title,
      score: registration.evaluationScore,
      comment: registration.evaluationComment,
    };
  }

  /** Records the evaluation sent through the link; the same rules as signed in. */
  async submit(token: string, input: EvaluationDto, now = new Date()): Promise<EvaluationResponse & { title: string }> {
    const found = await this.resolve(token);
    if (!found) {
      throw ApiException.notFound('Evaluation link');
    }
    const recorded = await this.attendance.recordEvaluation(found.meeting, found.registration, input, now);
    return { ...recorded, title: found.meeting.title };
  }

  private async resolve(token: string): Promise<{ meeting: ThemeMeeting; registration: ThemeRegistration } | null> {
    const registrationId = verifyEvaluationToken(this.config.appSecret, token);
    const registration = registrationId ? await this.repository.registration(registrationId) : null;
    const meeting = registration ? await this.repository.findMeeting(registration.meetingId) : null;
    return registration && meeting ? { meeting, registration } : null;
  }
}
