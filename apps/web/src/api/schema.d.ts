// Generated from the API's OpenAPI document by `npm run web:api-types`. Do not edit.
export interface paths {
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers HTTP */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: database and Redis reachable
     * @description Also lists the workers that sent a heartbeat in the last 30 seconds, and the waiting, delayed, active and failed jobs per queue (both informational: they never make the API unready).
     */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics
     * @description For Prometheus with `Authorization: Bearer <METRICS_TOKEN>`, or an admin. Text exposition format.
     */
    get: operations['MetricsController_render'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a single-use sign-in link (valid 15 minutes)
     * @description Answers the same whether or not the address has an account. Rate-limited per address and per client.
     */
    post: operations['AuthController_requestLink_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The page the sign-in link opens
     * @description Shows a button that signs in (a POST), so mail scanners that open links do not use them up.
     */
    get: operations['AuthController_verifyForm_v1'];
    put?: never;
    /**
     * Use a sign-in link: start a cookie session or get bearer tokens
     * @description A used or expired link answers 401 login_link_invalid.
     */
    post: operations['AuthController_verify_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New access + refresh token for a refresh token (which is then used up) */
    post: operations['AuthController_refresh_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session (cookie or bearer); personal API tokens are revoked separately */
    post: operations['AuthController_logout_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who am I: profile, roles and memberships */
    get: operations['MeController_me_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change my own settings (language) */
    patch: operations['MeController_update_v1'];
    trace?: never;
  };
  '/api/v1/me/api-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My personal API tokens (never the secrets) */
    get: operations['MeController_tokens_v1'];
    put?: never;
    /** Create a personal API token for an integration; the secret is shown once */
    post: operations['MeController_createToken_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/api-tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of my API tokens */
    delete: operations['MeController_revokeToken_v1'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * People the caller may see
     * @description Admins: everyone. Directors and coaches: the people of their schools. Teachers: themselves.
     */
    get: operations['PeopleController_list_v1'];
    put?: never;
    /** Add a person (admin) */
    post: operations['PeopleController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person (404 when not visible to the caller) */
    get: operations['PeopleController_get_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a person (admin); deactivating signs them out everywhere */
    patch: operations['PeopleController_update_v1'];
    trace?: never;
  };
  '/api/v1/people/{id}/memberships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a person a function at a school (admin) */
    post: operations['PeopleController_addMembership_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/memberships/{membershipId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End a membership (admin) */
    delete: operations['PeopleController_removeMembership_v1'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything Leerkring holds about one person, as JSON (AVG/GDPR access request; admin) */
    get: operations['PeopleController_export_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Erase a person (AVG/GDPR; admin)
     * @description Anonymizes name and email, signs them out, deletes their confidential notes and sign-in traces; aggregate counts stay.
     */
    post: operations['PeopleController_erase_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All schools of the foundation, by name */
    get: operations['SchoolsController_list_v1'];
    put?: never;
    /** Add a school (admin) */
    post: operations['SchoolsController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SchoolsController_get_v1'];
    put?: never;
    post?: never;
    /** Remove a school without staff (admin); 409 while memberships point at it */
    delete: operations['SchoolsController_remove_v1'];
    options?: never;
    head?: never;
    patch: operations['SchoolsController_update_v1'];
    trace?: never;
  };
  '/api/v1/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first, filterable (admin) */
    get: operations['AuditController_list_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import staff from a CSV export (admin)
     * @description People are upserted by email, memberships added per school; memberships not in the file are left alone. Rows with errors are reported with their line number and skipped; the other rows are imported. Semicolon, comma or tab separated, UTF-8 (with or without BOM) or Windows-1252, Dutch or English headers. At most 10 MB. See docs/staff-import.md.
     */
    post: operations['StaffImportController_run_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/closures/import/rijksoverheid': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import the Rijksoverheid school holidays (admin)
     * @description The body is the JSON of Rijksoverheid open data (info type `schoolholidays`): one document with `content[].vacations[].regions[]`, or an array of them. Without a body the shipped fixture (school years 2026-2027 and 2027-2028) is loaded. The public holidays of the same school years are added. The file is the whole truth for its school years: importing it again changes nothing, a holiday it no longer lists is removed.
     */
    post: operations['ClosuresImportController_importRijksoverheid_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{schoolId}/closures/import/ical': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import a school's study days from an iCalendar file (admin)
     * @description Send the file itself with `Content-Type: text/calendar`. Every VEVENT becomes a study day of the school, keyed by its UID: importing the same file again changes nothing, a newer version updates the changed events, and an event with STATUS:CANCELLED removes its study day. All-day events keep their dates; timed events close the dates they touch in Europe/Amsterdam.
     */
    post: operations['SchoolIcalImportController_importIcal_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{schoolId}/closures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * When the school is closed between two dates
     * @description Its region's school holidays (and those for heel Nederland), public holidays and its own study days that share at least one day with [from, to], chronologically. Dates, not instants; both ends included.
     */
    get: operations['SchoolClosuresController_list_v1'];
    put?: never;
    /** Add a study day (or an extra day off) for the school (admin) */
    post: operations['SchoolClosuresController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{schoolId}/closed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is the school closed on this date, and why */
    get: operations['SchoolClosuresController_closed_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{schoolId}/closures/{closureId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SchoolClosuresController_get_v1'];
    put?: never;
    post?: never;
    /** Remove one of the school's own closures, added by hand or imported (admin) */
    delete: operations['SchoolClosuresController_remove_v1'];
    options?: never;
    head?: never;
    /** Change a study day added by hand (admin); 422 for an imported one */
    patch: operations['SchoolClosuresController_update_v1'];
    trace?: never;
  };
  '/api/v1/schools/{schoolId}/calendar-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The school's calendar feed and its last sync (admin)
     * @description All fields but `schoolId` are null when the school has no feed.
     */
    get: operations['SchoolCalendarFeedController_get_v1'];
    /**
     * Set the school's calendar feed URL and sync it (admin)
     * @description An http(s) URL of an iCalendar file (`webcal://` is read as `https://`). The worker fetches it now and every 6 hours; each sync imports its events as study days of the school, replacing those of the previous sync (an event the feed no longer lists is removed; nothing is duplicated). A sync that fails is recorded and keeps the study days already imported. URLs that point to this server or a private network are refused (400, `url` named) unless CALENDAR_FEED_ALLOW_PRIVATE=true.
     */
    put: operations['SchoolCalendarFeedController_set_v1'];
    post?: never;
    /**
     * Remove the school's calendar feed URL (admin)
     * @description The study days it imported stay; remove them one by one if they no longer hold.
     */
    delete: operations['SchoolCalendarFeedController_remove_v1'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{schoolId}/calendar-feed/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sync the school's calendar feed now (admin)
     * @description Queues a sync for the worker. `syncPending` stays true until it finishes; then `lastSyncAt`, `lastSyncStatus` and `lastEventCount` or `lastSyncError` tell how it went. 404 when the school has no feed.
     */
    post: operations['SchoolCalendarFeedController_sync_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{personId}/working-pattern': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A person's weekly working hours
     * @description A person manages their own, an admin anyone’s; a director may read those of the people at their schools. For anyone else the person does not exist (404).
     */
    get: operations['WorkingPatternsController_getPattern_v1'];
    /**
     * Replace a person's weekly working hours
     * @description Wall-clock times in the pattern's zone (default Europe/Amsterdam); several blocks per day. A person manages their own, an admin anyone’s; a director may read those of the people at their schools. For anyone else the person does not exist (404).
     */
    put: operations['WorkingPatternsController_putPattern_v1'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{personId}/unavailability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A person's one-off unavailability (a course, leave)
     * @description A person manages their own, an admin anyone’s; a director may read those of the people at their schools. For anyone else the person does not exist (404).
     */
    get: operations['WorkingPatternsController_listUnavailability_v1'];
    put?: never;
    /**
     * Add one-off unavailability
     * @description A person manages their own, an admin anyone’s; a director may read those of the people at their schools. For anyone else the person does not exist (404).
     */
    post: operations['WorkingPatternsController_addUnavailability_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{personId}/unavailability/{unavailabilityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove one-off unavailability
     * @description A person manages their own, an admin anyone’s; a director may read those of the people at their schools. For anyone else the person does not exist (404).
     */
    delete: operations['WorkingPatternsController_removeUnavailability_v1'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/appointments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Plan a meeting and invite people
     * @description The caller is the organiser. Every participant gets an invitation by mail with a calendar invite.
     */
    post: operations['AppointmentsController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/appointments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One appointment
     * @description The organiser, the current participants and admins; for anyone else the appointment does not exist (404).
     */
    get: operations['AppointmentsController_get_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Move, retitle or relocate an appointment
     * @description Needs the version you saw (body or If-Match). Participants get an update. The organiser or an admin (a participant gets 403, anyone else 404).
     */
    patch: operations['AppointmentsController_update_v1'];
    trace?: never;
  };
  '/api/v1/appointments/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel an appointment
     * @description Every participant gets a cancellation that removes it from their calendar. The organiser or an admin (a participant gets 403, anyone else 404).
     */
    post: operations['AppointmentsController_cancel_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/appointments/{id}/participants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite more people
     * @description New participants get an invitation, the others an update. The organiser or an admin (a participant gets 403, anyone else 404).
     */
    post: operations['AppointmentsController_addParticipants_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/appointments/{id}/participants/{personId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Take someone off an appointment
     * @description They get a cancellation, the others an update. The organiser or an admin (a participant gets 403, anyone else 404).
     */
    delete: operations['AppointmentsController_removeParticipant_v1'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/appointments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My agenda
     * @description Appointments I take part in (cancelled ones included) that overlap [from, to); earliest first.
     */
    get: operations['AppointmentsController_agenda_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/week': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My week
     * @description The week (Monday to Sunday, Europe/Amsterdam) around the given date: each day with my appointments of every kind and at every school, earliest first. A coach working at several schools sees where they are when.
     */
    get: operations['AppointmentsController_week_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/appointments/{id}/rsvp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept or decline an appointment I take part in
     * @description 200 recorded (repeating it changes nothing); 404 not a participant; 409 stale_version when the appointment changed since `version`; 422 appointment_cancelled.
     */
    post: operations['MyRsvpController_answer_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rsvp/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The page an accept / decline link opens
     * @description A bad link answers 400.
     */
    get: operations['RsvpController_confirm_v1'];
    put?: never;
    /**
     * Record an answer to an invitation
     * @description 200 recorded (repeating it changes nothing); 400 a bad link; 404 no longer a participant; 409 the appointment changed since the mail; 410 cancelled. Answers an HTML page.
     */
    post: operations['RsvpController_answer_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scheduling/slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Suggest free slots
     * @description The next free slots of the given length where all the given people are free at the school: within their working hours and outside their unavailability, on days the school is open, clear of their appointments (with travel time to and from other schools), and at least the minimum notice ahead. Earliest first. Coaches and admins; people the caller cannot see answer 404.
     */
    get: operations['SlotsController_suggest_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/{token}.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My appointments as a subscribable calendar (iCalendar, METHOD:PUBLISH)
     * @description Every appointment the person takes part in that ends after 30 days ago, cancelled ones as STATUS:CANCELLED, with the UIDs and SEQUENCEs of the invitations. An unknown or revoked token answers 404.
     */
    get: operations['CalendarFeedController_feed_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/calendar-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether I have a calendar feed (the URL is never shown again) */
    get: operations['MyCalendarFeedController_status_v1'];
    put?: never;
    /**
     * Make my calendar feed URL, or a new one in place of the old
     * @description The URL is shown once. Making a new one stops the old URL at once.
     */
    post: operations['MyCalendarFeedController_create_v1'];
    /** Revoke my calendar feed URL */
    delete: operations['MyCalendarFeedController_revoke_v1'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/mail-failures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Mails that could not be delivered, newest first (admin)
     * @description Refused permanently by the mail server (5xx), or still failing after the last retry.
     */
    get: operations['MailFailuresController_list_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The catalogue
     * @description Upcoming meetings whose audience includes the caller, earliest first, with seats left and waitlist length.
     */
    get: operations['ThemeMeetingsController_catalogue_v1'];
    put?: never;
    /**
     * Organise a theme meeting
     * @description The caller is the organiser. Each session becomes an appointment; confirmed registrations join it.
     */
    post: operations['ThemeMeetingsController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One theme meeting
     * @description Its audience, its organiser and admins; for anyone else it does not exist (404).
     */
    get: operations['ThemeMeetingsController_get_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change title, description, capacity or closing time
     * @description More seats go to the waitlist at once; fewer never un-confirm anyone. The organiser or an admin (anyone else in the audience gets 403).
     */
    patch: operations['ThemeMeetingsController_update_v1'];
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/move': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move one session
     * @description Everyone on it gets an update. The organiser or an admin (anyone else in the audience gets 403).
     */
    post: operations['ThemeMeetingsController_move_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel the whole meeting
     * @description Everyone on it gets a CANCEL. The organiser or an admin (anyone else in the audience gets 403).
     */
    post: operations['ThemeMeetingsController_cancel_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/registrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every registration
     * @description For the organiser and admins.
     */
    get: operations['ThemeMeetingsController_list_v1'];
    put?: never;
    /**
     * Sign up
     * @description 201 confirmed (a seat was left) or waitlisted (with a FIFO position); 200 with the existing registration for a repeated sign-up or a repeated Idempotency-Key. `clashes` lists own appointments at the same time (allowed). 422 registration_not_open / registration_closed / meeting_cancelled; 404 outside the audience.
     */
    post: operations['ThemeMeetingsController_signUp_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/registration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My registration for this meeting
     * @description 404 when I have none.
     */
    get: operations['ThemeMeetingsController_mine_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/registration/offer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept or decline my waitlist offer
     * @description The signed-in form of the offer mail link, for the caller's own registration only. 200 with the registration (confirmed or declined; repeating the answer changes nothing); 404 when I have no registration; 422 offer_expired (the deadline passed, the seat went to the next person) or no_open_offer (nothing to answer).
     */
    post: operations['ThemeMeetingsController_answerOffer_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/registrations/{registrationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One registration
     * @description The person themselves, the organiser and admins; for anyone else it does not exist (404).
     */
    get: operations['ThemeMeetingsController_registration_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/registrations/{registrationId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a registration
     * @description The person before the cancellation deadline (after it 422 cancellation_deadline_passed), the organiser or an admin at any time. A freed seat goes to the first on the waitlist at once.
     */
    post: operations['ThemeMeetingsController_cancelRegistration_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/sessions/{sessionId}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A session's attendance
     * @description Every confirmed participant. The organiser or an admin; others in the audience 403, outside it 404.
     */
    get: operations['ThemeAttendanceController_sessionAttendance_v1'];
    /**
     * Mark attendance
     * @description Present or absent per confirmed registration, once the session has started (else 422 session_not_started). Attended hours are recomputed. The organiser or an admin; others in the audience 403, outside it 404.
     */
    put: operations['ThemeAttendanceController_mark_v1'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/sessions/{sessionId}/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check in with the session code
     * @description A confirmed participant, from 30 minutes before the session until the end of its day. 422 wrong_check_in_code, check_in_closed, not_a_participant; 404 outside the audience.
     */
    post: operations['ThemeAttendanceController_checkIn_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/evaluation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Evaluate the meeting (1–5 and a comment)
     * @description A confirmed participant who attended, after the last session has ended (else 422 meeting_not_ended / not_attended). A repeat replaces the earlier evaluation.
     */
    post: operations['ThemeAttendanceController_evaluate_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The evaluation aggregate
     * @description Count, average, distribution, comments without names. The organiser or an admin; others in the audience 403, outside it 404.
     */
    get: operations['ThemeAttendanceController_evaluations_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/professional-development': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My professional development hours in a school year
     * @description Own only.
     */
    get: operations['ThemeAttendanceController_mine_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/professional-development.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Professional development hours as CSV (Dutch Excel)
     * @description Semicolon-separated, UTF-8 with BOM, every field quoted. A teacher their own rows, a director those of the people at their schools, an admin everyone's. `personId` someone else the caller may not see: 404.
     */
    get: operations['ThemeAttendanceController_csv_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-offers/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The page an offer link opens
     * @description A bad link answers 400.
     */
    get: operations['ThemeOfferController_confirm_v1'];
    put?: never;
    /**
     * Accept or decline a waitlist offer
     * @description 200 recorded (repeating it changes nothing); 400 a bad link; 410 the offer expired. Answers HTML.
     */
    post: operations['ThemeOfferController_answer_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-evaluations/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The evaluation form a mailed link opens
     * @description A bad link answers 400.
     */
    get: operations['ThemeEvaluationController_form_v1'];
    put?: never;
    /**
     * Send the evaluation from the mailed link
     * @description 200 recorded (a repeat replaces it); 400 a bad link or score; 422 not ended or not attended. Answers HTML.
     */
    post: operations['ThemeEvaluationController_submit_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The coaching methods to choose from */
    get: operations['CoachingController_methods_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/trajectories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My coaching trajectories
     * @description As coach or coachee; an admin sees all. Directors see aggregates in the reports.
     */
    get: operations['CoachingController_list_v1'];
    put?: never;
    /**
     * Start a coaching trajectory
     * @description A coach for themselves, an admin for any coach. A starter's line manager may not be their coach (422 coach_is_line_manager).
     */
    post: operations['CoachingController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/trajectories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One trajectory
     * @description Coach, coachee and admins; anyone else 404.
     */
    get: operations['CoachingController_get_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/trajectories/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close a trajectory with its evaluation
     * @description The coach or an admin.
     */
    post: operations['CoachingController_close_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/trajectories/{id}/slot-suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Free times for coach and coachee
     * @description At the trajectory school, honouring every scheduling rule; earliest first. The coach or an admin.
     */
    get: operations['CoachingController_slots_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/trajectories/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The sessions of a trajectory
     * @description Coach, coachee and admins.
     */
    get: operations['CoachingController_sessions_v1'];
    put?: never;
    /**
     * Plan a coaching session
     * @description The coach (organiser) or an admin. The coachee gets an invitation with a calendar invite.
     */
    post: operations['CoachingController_plan_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One session (without note or agreements)
     * @description Coach, coachee and admins.
     */
    get: operations['CoachingController_session_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Move a session, or change its place
     * @description The coach or an admin; needs the version (409 when stale). New times, and optionally a new place (`schoolId`, `room`, `onlineUrl`; left out: unchanged). The rules apply at the new time and place (closures, travel time between schools); the coachee gets one updated invitation.
     */
    patch: operations['CoachingController_move_v1'];
    trace?: never;
  };
  '/api/v1/coaching/sessions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a session, saying why
     * @description The coach any time; the coachee until COACHING_CANCELLATION_DEADLINE_HOURS before it (later: 422 cancellation_deadline_passed).
     */
    post: operations['CoachingController_cancel_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/sessions/{id}/held': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a session held
     * @description The coach or an admin.
     */
    post: operations['CoachingController_held_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/sessions/{id}/no-show': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a session as a no-show
     * @description The coach or an admin.
     */
    post: operations['CoachingController_noShow_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/sessions/{id}/note': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The confidential note
     * @description Only the coach and the coachee; for anyone else, admins and directors included, 404.
     */
    get: operations['CoachingController_note_v1'];
    /**
     * Write the confidential note
     * @description The coach. Stored encrypted (AES-256-GCM).
     */
    put: operations['CoachingController_putNote_v1'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/sessions/{id}/agreements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The shared agreements
     * @description Coach and coachee only; anyone else 404.
     */
    get: operations['CoachingController_agreements_v1'];
    /**
     * Write the shared agreements
     * @description Coach or coachee.
     */
    put: operations['CoachingController_putAgreements_v1'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/forms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Observation forms (kijkwijzers)
     * @description The active ones, the default first; admins add `includeInactive=true` for the deactivated ones too.
     */
    get: operations['VisitsController_forms_v1'];
    put?: never;
    /**
     * Add an observation form
     * @description Admins: domains, items, a scale with labels.
     */
    post: operations['VisitsController_createForm_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/forms/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One observation form */
    get: operations['VisitsController_form_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change or deactivate an observation form
     * @description Admins. The name and `active` may always change; `active: false` takes it off the list for new visits (old observations still show it; the default form cannot be deactivated: 422 default_form). The scale and domains only while no classroom visit uses the form (else 409 form_in_use: add a new form as the next version and deactivate this one).
     */
    patch: operations['VisitsController_updateForm_v1'];
    trace?: never;
  };
  '/api/v1/coaching/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My classroom visits
     * @description The visits I observe or am observed in, with their three appointments, earliest lesson first.
     */
    get: operations['VisitsController_list_v1'];
    put?: never;
    /**
     * Plan a classroom visit
     * @description Plans the visit at the lesson time and proposes a pre-visit meeting within 5 school days before and a debrief within 5 school days after (first free time of observer and teacher). The teacher is invited to all three.
     */
    post: operations['VisitsController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/visits/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One visit with its three appointments
     * @description Observer, teacher and admins.
     */
    get: operations['VisitsController_get_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/visits/{id}/appointments/{part}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Move the pre-visit meeting, the visit or the debrief, or change its place
     * @description The observer. New times, and optionally a new place (`schoolId`, `room`, `onlineUrl`; left out: unchanged); the rules apply at the new time and place. The visit itself stays at the school of the visit (422 visit_school_fixed; its room may change). The teacher gets one updated invitation.
     */
    patch: operations['VisitsController_move_v1'];
    trace?: never;
  };
  '/api/v1/coaching/visits/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel the visit and its meetings
     * @description The observer or an admin.
     */
    post: operations['VisitsController_cancel_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/visits/{id}/debrief-held': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark the debrief held
     * @description From then on the teacher reads the observation.
     */
    post: operations['VisitsController_debriefHeld_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/visits/{id}/observation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The observation
     * @description The observer; the teacher once the debrief is held (before: 404). Anyone else 404.
     */
    get: operations['VisitsController_observation_v1'];
    /**
     * Fill in the observation
     * @description The observer.
     */
    put: operations['VisitsController_putObservation_v1'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/teachers/{personId}/observation-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A teacher's shared observations over time, per domain
     * @description The teacher and admins; anyone else 404. Only visits whose debrief is held, earliest lesson first.
     */
    get: operations['VisitsController_history_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/reports/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sessions and hours per school, per coach, per month */
    get: operations['CoachingReportsController_sessions_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coaching/reports/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Classroom visits per school, per month */
    get: operations['CoachingReportsController_visits_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The intervision methods to choose from */
    get: operations['IntervisionController_methods_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The groups I facilitate or am a member of (admins: all) */
    get: operations['IntervisionController_list_v1'];
    put?: never;
    /**
     * Start an intervision group
     * @description A coach facilitates; an admin names the facilitator.
     */
    post: operations['IntervisionController_create_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IntervisionController_get_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IntervisionController_meetings_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/skipped-dates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dates the series skipped or shifted (closures), or could not plan (passed) */
    get: operations['IntervisionController_skippedDates_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/common-slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recurring slots where the facilitator and all members are free
     * @description Weekday, start on a 30-minute grid and cadence (1–4 weeks) over the rest of the school year, ranked by the number of occurrences on which everyone is free; conflicts per member for each result.
     */
    get: operations['IntervisionController_commonSlots_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a member: invited to the future meetings only */
    post: operations['IntervisionController_addMember_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/members/{personId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** A member leaves: taken off the future meetings; past attendance stays */
    delete: operations['IntervisionController_removeMember_v1'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Plan the series: one appointment per occurrence
     * @description The facilitator is held to every scheduling rule; members’ clashes and working hours are reported in memberConflicts, not refused. Closures of any member’s school are skipped or shifted (the group’s policy).
     */
    post: operations['IntervisionController_createSeries_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/series/replace': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the series from a date onward; earlier meetings stay as they were */
    post: operations['IntervisionController_replaceSeries_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/groups/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Attendance per member over the school year (facilitator, admins); ?format=csv */
    get: operations['IntervisionController_attendanceExport_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/meetings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Move one meeting: only its calendar entry is updated */
    patch: operations['IntervisionController_move_v1'];
    trace?: never;
  };
  '/api/v1/intervision/meetings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel one meeting: only its calendar entry is cancelled */
    post: operations['IntervisionController_cancel_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/meetings/{id}/case-presenter': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Name the case presenter (inbrenger), or leave personId out for the fair rotation */
    put: operations['IntervisionController_setCasePresenter_v1'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/meetings/{id}/case-presenter/swap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Swap the case presenters of two meetings (a presenter of one of them, or the facilitator) */
    post: operations['IntervisionController_swap_v1'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/meetings/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IntervisionController_attendance_v1'];
    /** Record present, excused or absent (excused also beforehand) */
    put: operations['IntervisionController_recordAttendance_v1'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/intervision/reports/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Aggregates per group with members at my schools (directors) or all (admins) */
    get: operations['IntervisionController_report_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/overviews/planning': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who coaches whom and what is planned, for a director's schools
     * @description Open coaching trajectories (coach, coachee, sessions held) and the planned coaching sessions and classroom visits of the coming `days` (default 28). Never a question, note or observation. Directors: their schools; admins: every school; anyone else 403.
     */
    get: operations['OverviewsController_planning_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/overviews/theme-attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Theme meeting attendance per school in a school year
     * @description Per school: confirmed registrations of its staff, how many attended, credited hours. A person at two schools counts at both. Directors: their schools; admins: every school; anyone else 403.
     */
    get: operations['OverviewsController_themeAttendance_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/organised-theme-meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The theme meetings I organise
     * @description Newest first, past and cancelled ones included, with seats taken and waitlist length.
     */
    get: operations['OverviewsController_organised_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/theme-meetings/{id}/registrant-names': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Names of everyone registered (any status)
     * @description For the organiser and admins, to go with the registrations and attendance; anyone else 404.
     */
    get: operations['OverviewsController_registrantNames_v1'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    LoginLinkRequestDto: {
      /** @example anna.vanderberg@school.nl */
      email: string;
    };
    AcceptedResponse: {
      /** @example If this address belongs to an account, a sign-in link is on its way. */
      message: string;
    };
    VerifyLoginDto: {
      /** @description The token from the sign-in link */
      token: string;
      /**
       * @description cookie: an httpOnly session cookie (browsers); bearer: access + refresh token (apps)
       * @default cookie
       * @enum {string}
       */
      mode: 'cookie' | 'bearer';
    };
    RefreshDto: {
      refreshToken: string;
    };
    TokenResponse: {
      /** @example Bearer */
      tokenType: string;
      accessToken: string;
      accessTokenExpiresAt: string;
      refreshToken: string;
      sessionExpiresAt: string;
    };
    MembershipResponse: {
      id: string;
      schoolId: string;
      /** @enum {string} */
      function:
        | 'teacher'
        | 'starter'
        | 'trainee'
        | 'teaching_assistant'
        | 'director'
        | 'werkbegeleider'
        | 'intern_begeleider'
        | 'kwaliteitscoordinator'
        | 'vakcoach'
        | 'schoolopleider';
    };
    PersonResponse: {
      id: string;
      givenName: string;
      familyNamePrefix: string;
      familyName: string;
      /** @example Anna van der Berg */
      displayName: string;
      email: string;
      /** @enum {string} */
      language: 'nl' | 'en';
      active: boolean;
      remindersEnabled: boolean;
      isAdmin: boolean;
      lineManagerId: string | null;
      roles: ('admin' | 'director' | 'coach' | 'teacher')[];
      memberships: components['schemas']['MembershipResponse'][];
    };
    UpdateMeDto: {
      /** @enum {string} */
      language?: 'nl' | 'en';
      /** @description Appointment reminders by mail (invitations and cancellations are always sent) */
      remindersEnabled?: boolean;
    };
    ApiTokenResponse: {
      id: string;
      name: string;
      scopes: ('read' | 'write')[];
      createdAt: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
      revokedAt: string | null;
    };
    CreateApiTokenDto: {
      /** @example Roosterkoppeling */
      name: string;
      /**
       * @example [
       *       "read"
       *     ]
       */
      scopes: ('read' | 'write')[];
      /**
       * @description Days until it expires; none: until revoked
       * @example 365
       */
      expiresInDays?: number;
    };
    NewApiTokenResponse: {
      id: string;
      name: string;
      scopes: ('read' | 'write')[];
      createdAt: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
      revokedAt: string | null;
      /** @description Shown once. Send as `Authorization: Bearer <token>`. */
      token: string;
    };
    PersonPage: {
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      items: components['schemas']['PersonResponse'][];
    };
    MembershipDto: {
      schoolId: string;
      /** @enum {string} */
      function:
        | 'teacher'
        | 'starter'
        | 'trainee'
        | 'teaching_assistant'
        | 'director'
        | 'werkbegeleider'
        | 'intern_begeleider'
        | 'kwaliteitscoordinator'
        | 'vakcoach'
        | 'schoolopleider';
    };
    CreatePersonDto: {
      /** @example Anna */
      givenName: string;
      /**
       * @description tussenvoegsel
       * @example van der
       */
      familyNamePrefix?: string;
      /** @example Berg */
      familyName: string;
      /** @example anna.vanderberg@school.nl */
      email: string;
      /**
       * @default nl
       * @enum {string}
       */
      language: 'nl' | 'en';
      /** @default false */
      isAdmin: boolean;
      /** @default true */
      active: boolean;
      /** @description The direct line manager (leidinggevende) */
      lineManagerId?: Record<string, never> | null;
      memberships?: components['schemas']['MembershipDto'][];
    };
    UpdatePersonDto: {
      /** @example Anna */
      givenName?: string;
      /**
       * @description tussenvoegsel
       * @example van der
       */
      familyNamePrefix?: string;
      /** @example Berg */
      familyName?: string;
      /** @example anna.vanderberg@school.nl */
      email?: string;
      /**
       * @default nl
       * @enum {string}
       */
      language: 'nl' | 'en';
      /** @default false */
      isAdmin: boolean;
      /** @default true */
      active: boolean;
      /** @description The direct line manager (leidinggevende) */
      lineManagerId?: Record<string, never> | null;
    };
    SchoolResponse: {
      id: string;
      name: string;
      /** @example 12AB */
      brin: string;
      /**
       * @description '' for the main location
       * @example 01
       */
      vestiging: string;
      /** @example 12AB01 */
      brinCode: string;
      /** @enum {string} */
      sector: 'PO' | 'SBO' | 'SO' | 'VSO' | 'VO';
      /** @enum {string} */
      holidayRegion: 'north' | 'middle' | 'south';
      street: string;
      postalCode: string;
      city: string;
    };
    SchoolPage: {
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      items: components['schemas']['SchoolResponse'][];
    };
    CreateSchoolDto: {
      /** @example obs De Regenboog */
      name: string;
      /**
       * @description BRIN code: 2 digits and 2 letters
       * @example 12AB
       */
      brin: string;
      /**
       * @description Vestiging number (2 digits); empty for the main location
       * @example 01
       */
      vestiging?: string;
      /** @enum {string} */
      sector: 'PO' | 'SBO' | 'SO' | 'VSO' | 'VO';
      /**
       * @description vakantieregio: north (noord), middle (midden), south (zuid)
       * @enum {string}
       */
      holidayRegion: 'north' | 'middle' | 'south';
      /** @example Schoolstraat 1 */
      street?: string;
      /** @example 3511 AB */
      postalCode?: string;
      /** @example Utrecht */
      city?: string;
    };
    UpdateSchoolDto: {
      /** @example obs De Regenboog */
      name?: string;
      /**
       * @description BRIN code: 2 digits and 2 letters
       * @example 12AB
       */
      brin?: string;
      /**
       * @description Vestiging number (2 digits); empty for the main location
       * @example 01
       */
      vestiging?: string;
      /** @enum {string} */
      sector?: 'PO' | 'SBO' | 'SO' | 'VSO' | 'VO';
      /**
       * @description vakantieregio: north (noord), middle (midden), south (zuid)
       * @enum {string}
       */
      holidayRegion?: 'north' | 'middle' | 'south';
      /** @example Schoolstraat 1 */
      street?: string;
      /** @example 3511 AB */
      postalCode?: string;
      /** @example Utrecht */
      city?: string;
    };
    AuditEventResponse: {
      id: string;
      occurredAt: string;
      actorPersonId: string | null;
      action: string;
      entityType: string;
      entityId: string | null;
      details: Record<string, never> | null;
    };
    AuditPage: {
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      items: components['schemas']['AuditEventResponse'][];
    };
    StaffImportErrorResponse: {
      /**
       * @description Line of the file; the header is line 1
       * @example 14
       */
      line: number;
      /** @enum {string} */
      field?:
        | 'email'
        | 'givenName'
        | 'familyNamePrefix'
        | 'familyName'
        | 'function'
        | 'school'
        | 'vestiging'
        | 'language'
        | 'lineManagerEmail'
        | 'active';
      /** @example E-mailadres: "jan@" is not a valid email address */
      message: string;
    };
    StaffImportMembershipChange: {
      /** @example 12AB01 */
      school: string;
      /** @enum {string} */
      function:
        | 'teacher'
        | 'starter'
        | 'trainee'
        | 'teaching_assistant'
        | 'director'
        | 'werkbegeleider'
        | 'intern_begeleider'
        | 'kwaliteitscoordinator'
        | 'vakcoach'
        | 'schoolopleider';
    };
    StaffImportChangeResponse: {
      line: number;
      email: string;
      /** @enum {string} */
      person: 'create' | 'update' | 'unchanged';
      fields?: ('givenName' | 'familyNamePrefix' | 'familyName' | 'language' | 'active' | 'lineManager')[];
      memberships?: components['schemas']['StaffImportMembershipChange'][];
    };
    StaffImportFileResponse: {
      /** @enum {string} */
      encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
      /** @enum {string} */
      delimiter: ';' | ',' | '\t';
      /**
       * @description Which column of the file each field was read from
       * @example {
       *       "email": "E-mailadres",
       *       "givenName": "Voornaam"
       *     }
       */
      columns: {
        [key: string]: string;
      };
      ignoredColumns: string[];
    };
    StaffImportReportResponse: {
      dryRun: boolean;
      /** @description Data rows in the file */
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
      /** @description Rows not imported because of errors */
      skipped: number;
      membershipsCreated: number;
      errors: components['schemas']['StaffImportErrorResponse'][];
      errorsTruncated?: boolean;
      /** @description Dry run only */
      changes?: components['schemas']['StaffImportChangeResponse'][];
      changesTruncated?: boolean;
      file: components['schemas']['StaffImportFileResponse'];
    };
    ClosureChangesResponse: {
      created: number;
      updated: number;
      unchanged: number;
      removed: number;
    };
    RijksoverheidImportResponse: {
      /**
       * @example [
       *       "2026-2027"
       *     ]
       */
      schoolYears: string[];
      /** @description School holidays (per region or heel Nederland) */
      holidays: components['schemas']['ClosureChangesResponse'];
      /** @description Public holidays of the same school years, computed */
      publicHolidays: components['schemas']['ClosureChangesResponse'];
    };
    IcalImportResponse: {
      created: number;
      updated: number;
      unchanged: number;
      removed: number;
    };
    ClosureResponse: {
      id: string;
      /** @enum {string} */
      kind: 'holiday' | 'study_day' | 'public_holiday';
      /** @example Herfstvakantie */
      name: string;
      /**
       * @description First closed date
       * @example 2026-10-17
       */
      startDate: string;
      /**
       * @description Last closed date (included)
       * @example 2026-10-25
       */
      endDate: string;
      /** @enum {string} */
      scope: 'national' | 'region' | 'school';
      /** @enum {string|null} */
      region: 'north' | 'middle' | 'south' | null;
      schoolId: string | null;
      /** @example 2026-2027 */
      schoolYear: string;
      /** @enum {string} */
      source: 'rijksoverheid' | 'ical' | 'ical_feed' | 'manual';
    };
    ClosureListResponse: {
      /** @example 2026-08-01 */
      from: string;
      /** @example 2027-07-31 */
      to: string;
      /** @description Chronological; the date range bounds the list */
      items: components['schemas']['ClosureResponse'][];
    };
    ClosedResponse: {
      /** @example 2026-10-20 */
      date: string;
      closed: boolean;
      /** @description Why: the most specific closure (study day, then holiday, then public holiday) */
      closure: components['schemas']['ClosureResponse'] | null;
    };
    CreateClosureDto: {
      /**
       * @default study_day
       * @enum {string}
       */
      kind: 'study_day' | 'holiday';
      /** @example Studiedag team */
      name: string;
      /**
       * @description First closed date (YYYY-MM-DD)
       * @example 2026-11-13
       */
      startDate: string;
      /**
       * @description Last closed date (YYYY-MM-DD), included; default startDate
       * @example 2026-11-13
       */
      endDate?: string;
    };
    UpdateClosureDto: {
      /** @enum {string} */
      kind?: 'study_day' | 'holiday';
      /** @example Studiedag team */
      name?: string;
      /** @example 2026-11-13 */
      startDate?: string;
      /** @example 2026-11-13 */
      endDate?: string;
    };
    SchoolCalendarFeedResponse: {
      schoolId: string;
      /** @description Null: the school has no feed */
      url: string | null;
      /**
       * Format: date-time
       * @description When an admin last asked for a sync (or saved the URL)
       */
      syncRequestedAt: string | null;
      /** @description A sync was asked for and has not finished yet */
      syncPending: boolean;
      /**
       * Format: date-time
       * @description When the last sync finished
       */
      lastSyncAt: string | null;
      /** @enum {string|null} */
      lastSyncStatus: 'ok' | 'failed' | null;
      /** @description Why the last sync failed */
      lastSyncError: string | null;
      /**
       * Format: date-time
       * @description When the feed was last imported; its study days are from then
       */
      lastSuccessAt: string | null;
      /** @description Study days the last successful sync found */
      lastEventCount: number | null;
    };
    SetSchoolCalendarFeedDto: {
      /**
       * @description An http(s) URL of an iCalendar (.ics) file; `webcal://` is read as `https://`.
       * @example https://calendar.example.nl/school/studiedagen.ics
       */
      url: string;
    };
    WorkingBlockDto: {
      /**
       * @example monday
       * @enum {string}
       */
      weekday: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
      /**
       * @description Wall-clock time HH:MM
       * @example 08:15
       */
      start: string;
      /**
       * @description Wall-clock time HH:MM after start; 24:00 for the end of the day
       * @example 15:00
       */
      end: string;
    };
    WorkingPatternResponse: {
      personId: string;
      /** @example Europe/Amsterdam */
      zone: string;
      /** @description By weekday, then start */
      blocks: components['schemas']['WorkingBlockDto'][];
      /** @description Null while no pattern was ever set */
      updatedAt: string | null;
    };
    PutWorkingPatternDto: {
      /**
       * @default Europe/Amsterdam
       * @example Europe/Amsterdam
       */
      zone: string;
      /** @description Every block of the week; several per day allowed, not overlapping. Replaces the whole pattern. */
      blocks: components['schemas']['WorkingBlockDto'][];
    };
    UnavailabilityResponse: {
      id: string;
      personId: string;
      /** @example 2026-11-02T08:00:00.000Z */
      startsAt: string;
      /** @example 2026-11-02T15:00:00.000Z */
      endsAt: string;
      /** @example Europe/Amsterdam */
      zone: string;
      /** @example Cursus */
      reason: string;
    };
    UnavailabilityListResponse: {
      /** @description By start; at most 500 */
      items: components['schemas']['UnavailabilityResponse'][];
    };
    CreateUnavailabilityDto: {
      /** @example 2026-11-02T09:00:00+01:00 */
      startsAt: string;
      /** @example 2026-11-02T16:00:00+01:00 */
      endsAt: string;
      /**
       * @default Europe/Amsterdam
       * @example Europe/Amsterdam
       */
      zone: string;
      /**
       * @description Short and without medical details; the person, admins and their directors see it
       * @example Cursus
       */
      reason?: string;
    };
    ParticipantInputDto: {
      /** Format: uuid */
      personId: string;
      /**
       * @default required
       * @enum {string}
       */
      role: 'required' | 'optional';
    };
    CreateAppointmentDto: {
      /**
       * @description Other kinds are made by their own domains.
       * @default meeting
       * @enum {string}
       */
      kind: 'meeting';
      /** @example Overleg zorgstructuur groep 5 */
      title: string;
      description?: string;
      /** @example 2026-10-26T10:00:00+01:00 */
      start: string;
      /** @example 2026-10-26T11:00:00+01:00 */
      end: string;
      /**
       * @default Europe/Amsterdam
       * @example Europe/Amsterdam
       */
      zone: string;
      /**
       * Format: uuid
       * @description The school where it takes place (give this or onlineUrl, or both).
       */
      schoolId?: string;
      /** @example Teamkamer */
      room?: string;
      /**
       * @description An https link for an online meeting.
       * @example https://meet.example.nl/abc
       */
      onlineUrl?: string;
      /** @description Besides the organiser (the caller), 1 to 100 people. */
      participants: components['schemas']['ParticipantInputDto'][];
      /**
       * @description Plan it even where it falls outside a participant's working hours (recorded in the audit log). Other rules still apply.
       * @default false
       */
      allowOutsideWorkingHours: boolean;
    };
    LocationResponse: {
      /** Format: uuid */
      schoolId: string | null;
      schoolName: string | null;
      room: string;
      onlineUrl: string | null;
    };
    ParticipantResponse: {
      /** Format: uuid */
      personId: string;
      name: string;
      /** @enum {string} */
      role: 'organizer' | 'required' | 'optional';
      /** @enum {string} */
      rsvp: 'needs_action' | 'accepted' | 'declined' | 'tentative';
    };
    AppointmentResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind:
        | 'meeting'
        | 'coaching_session'
        | 'intervision_meeting'
        | 'theme_session'
        | 'visit_pre'
        | 'visit'
        | 'visit_debrief';
      title: string;
      description: string | null;
      /** @example 2026-10-26T09:00:00.000Z */
      start: string;
      /** @example 2026-10-26T10:00:00.000Z */
      end: string;
      /** @example Europe/Amsterdam */
      zone: string;
      location: components['schemas']['LocationResponse'];
      /** @enum {string} */
      status: 'scheduled' | 'cancelled';
      /** @description Send it back (body or If-Match) when you change the appointment. */
      version: number;
      icalUid: string;
      /** Format: uuid */
      organizerPersonId: string;
      /** @description Current participants, the organiser included. */
      participants: components['schemas']['ParticipantResponse'][];
      createdAt: string;
      updatedAt: string;
    };
    UpdateAppointmentDto: {
      /**
       * @description The version you last saw. Required unless sent as the If-Match header.
       * @example 0
       */
      version?: number;
      title?: string;
      description?: Record<string, never> | null;
      /** @example 2026-10-26T10:00:00+01:00 */
      start?: string;
      /** @example 2026-10-26T11:00:00+01:00 */
      end?: string;
      /** @example Europe/Amsterdam */
      zone?: string;
      /** Format: uuid */
      schoolId?: Record<string, never> | null;
      room?: string;
      onlineUrl?: Record<string, never> | null;
      /**
       * @description Plan it even where it falls outside a participant's working hours (recorded in the audit log). Other rules still apply.
       * @default false
       */
      allowOutsideWorkingHours: boolean;
    };
    VersionDto: {
      /** @description The version you last saw (or the If-Match header); checked when given. */
      version?: number;
    };
    AddParticipantsDto: {
      /** @description The version you last saw (or the If-Match header); checked when given. */
      version?: number;
      participants: components['schemas']['ParticipantInputDto'][];
    };
    AgendaResponse: {
      items: components['schemas']['AppointmentResponse'][];
    };
    WeekDayResponse: {
      /** @example 2027-01-11 */
      date: string;
      items: components['schemas']['AppointmentResponse'][];
    };
    WeekResponse: {
      /**
       * @description The Monday.
       * @example 2027-01-11
       */
      weekStart: string;
      /** @description Seven days, Monday first. */
      days: components['schemas']['WeekDayResponse'][];
    };
    MyRsvpDto: {
      /** @enum {string} */
      answer: 'accept' | 'decline';
      /** @description The version of the appointment you answer (as in the agenda) */
      version: number;
    };
    MyRsvpResponse: {
      /** @enum {string} */
      rsvp: 'accepted' | 'declined';
      /** @description false when this was already the answer */
      changed: boolean;
    };
    RsvpAnswerDto: {
      /** @enum {string} */
      answer: 'accept' | 'decline';
    };
    SlotResponse: {
      /** @example 2027-01-11T08:30:00.000Z */
      start: string;
      /** @example 2027-01-11T09:30:00.000Z */
      end: string;
    };
    SlotListResponse: {
      /** @description Earliest first; they do not overlap each other. */
      items: components['schemas']['SlotResponse'][];
    };
    CalendarFeedStatusResponse: {
      /** @description Whether a feed URL exists. The URL itself is shown only when it is made. */
      exists: boolean;
      /** @example 2026-11-23T13:00:00.000Z */
      createdAt: string | null;
      /** @description When a calendar app last fetched it (to the minute) */
      lastUsedAt: string | null;
    };
    NewCalendarFeedResponse: {
      /**
       * @description The subscription URL (shown once; make a new one if it is lost)
       * @example https://leerkring.example.nl/api/v1/calendar/lkf_….ics
       */
      url: string;
      /** @description The same URL with the webcal scheme, which opens a calendar app directly */
      webcalUrl: string;
      /** @example 2026-11-23T13:00:00.000Z */
      createdAt: string;
    };
    MailFailureResponse: {
      id: string;
      /**
       * @description invitation, update, cancellation, login_link, …
       * @example invitation
       */
      kind: string;
      recipientPersonId: string | null;
      /** @example 550 Mailbox unavailable */
      reason: string | null;
      attempts: number;
      /** @description When the mail was stored */
      createdAt: string;
      /** @description When it was given up on */
      failedAt: string;
    };
    MailFailuresPage: {
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      items: components['schemas']['MailFailureResponse'][];
    };
    ThemeSessionDto: {
      /** @example 2027-03-10T15:30:00+01:00 */
      start: string;
      /** @example 2027-03-10T17:00:00+01:00 */
      end: string;
    };
    CreateThemeMeetingDto: {
      title: string;
      description?: string;
      /**
       * @example [
       *       "rekenen",
       *       "starters"
       *     ]
       */
      tags?: string[];
      /** @enum {string} */
      format: 'on_site' | 'online' | 'hybrid';
      /**
       * Format: uuid
       * @description Where it takes place (on site and hybrid).
       */
      schoolId?: string;
      room?: string;
      /** @description Online and hybrid; shown and mailed to confirmed participants only. */
      onlineUrl?: string;
      /** @description Seats (on site for hybrid). */
      capacity: number;
      /** @description Online seats; hybrid only. */
      onlineCapacity?: number;
      sessions: components['schemas']['ThemeSessionDto'][];
      registrationOpensAt: string;
      registrationClosesAt: string;
      /** @description Only staff of these schools; omit for the whole foundation. */
      audienceSchoolIds?: string[];
      /** @description Only these functions, e.g. starter. */
      audienceFunctions?: (
        | 'teacher'
        | 'starter'
        | 'trainee'
        | 'teaching_assistant'
        | 'director'
        | 'werkbegeleider'
        | 'intern_begeleider'
        | 'kwaliteitscoordinator'
        | 'vakcoach'
        | 'schoolopleider'
      )[];
      /** @default 0 */
      hoursCredited: number;
      /** @description Participants cancel themselves until then (default: the start). */
      cancellationDeadline?: string;
      /**
       * @default confirm_directly
       * @enum {string}
       */
      offerMode: 'confirm_directly' | 'offer';
      /** @default 24 */
      offerHours: number;
    };
    ThemeSessionResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      appointmentId: string;
      start: string;
      end: string;
      /** @description The check-in code; only for the organiser and admins. */
      checkInCode?: string;
      /** @description The URL a QR code at the venue carries; only for the organiser and admins. */
      checkInUrl?: string;
    };
    ThemeMeetingResponse: {
      /** Format: uuid */
      id: string;
      title: string;
      description: string | null;
      tags: string[];
      /** Format: uuid */
      organizerPersonId: string;
      /** @enum {string} */
      format: 'on_site' | 'online' | 'hybrid';
      /** Format: uuid */
      schoolId: string | null;
      room: string;
      /** @description Only for confirmed participants and the organiser. */
      onlineUrl: string | null;
      capacity: number;
      onlineCapacity: number | null;
      seatsLeft: number;
      onlineSeatsLeft: number | null;
      waitlistLength: number;
      registrationOpensAt: string;
      registrationClosesAt: string;
      audienceSchoolIds: string[] | null;
      audienceFunctions: string[] | null;
      hoursCredited: number;
      cancellationDeadline: string;
      /** @enum {string} */
      offerMode: 'confirm_directly' | 'offer';
      offerHours: number;
      /** @enum {string} */
      status: 'published' | 'cancelled';
      start: string;
      end: string;
      sessions: components['schemas']['ThemeSessionResponse'][];
    };
    CataloguePage: {
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      items: components['schemas']['ThemeMeetingResponse'][];
    };
    UpdateThemeMeetingDto: {
      title?: string;
      description?: string;
      /** @description Lowering it never un-confirms anyone. */
      capacity?: number;
      onlineCapacity?: number;
      registrationClosesAt?: string;
    };
    MoveSessionDto: {
      /** @example 2027-03-10T15:30:00+01:00 */
      start: string;
      /** @example 2027-03-10T17:00:00+01:00 */
      end: string;
      /** @description Which session (0 is the first). */
      position: number;
    };
    SignUpDto: {
      /**
       * @description Hybrid only: on site (default) or online.
       * @enum {string}
       */
      mode?: 'on_site' | 'online';
    };
    ThemeClashResponse: {
      /** Format: uuid */
      sessionId: string;
      /** @enum {string} */
      kind: 'overlap' | 'travel';
      start: string;
      end: string;
    };
    RegistrationResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      meetingId: string;
      /** Format: uuid */
      personId: string;
      /** @enum {string} */
      mode: 'on_site' | 'online';
      /** @enum {string} */
      status: 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'declined' | 'expired';
      /** @description Place on the waitlist (1 is next); null unless waitlisted. */
      position: number | null;
      offerDeadline: string | null;
      createdAt: string;
      /** @description Own appointments that overlap (sign-up only). */
      clashes?: components['schemas']['ThemeClashResponse'][];
    };
    RegistrationsPage: {
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      items: components['schemas']['RegistrationResponse'][];
    };
    OfferAnswerDto: {
      /** @enum {string} */
      answer: 'accept' | 'decline';
    };
    AttendanceLine: {
      /** Format: uuid */
      registrationId: string;
      /** Format: uuid */
      personId: string;
      /** @description Null: not marked yet. */
      present: boolean | null;
      /** @enum {string|null} */
      source: 'organiser' | 'check_in' | null;
      attendedHours: number | null;
    };
    SessionAttendanceResponse: {
      /** Format: uuid */
      sessionId: string;
      items: components['schemas']['AttendanceLine'][];
    };
    AttendanceMarkDto: {
      /**
       * Format: uuid
       * @description A confirmed registration of this meeting.
       */
      registrationId: string;
      present: boolean;
    };
    MarkAttendanceDto: {
      items: components['schemas']['AttendanceMarkDto'][];
    };
    CheckInDto: {
      /**
       * @description The session's check-in code (case does not matter).
       * @example K7MP2X
       */
      code: string;
    };
    CheckInResponse: {
      /** Format: uuid */
      sessionId: string;
      /** Format: uuid */
      registrationId: string;
      present: boolean;
      attendedHours: number;
    };
    EvaluationDto: {
      score: number;
      comment?: string;
    };
    EvaluationResponse: {
      /** Format: uuid */
      registrationId: string;
      score: number;
      comment: string | null;
      evaluatedAt: string;
    };
    EvaluationAggregate: {
      /** Format: uuid */
      meetingId: string;
      count: number;
      /** @description Two decimals; null without evaluations. */
      average: number | null;
      /**
       * @description Scores 1..5 → how many gave it.
       * @example {
       *       "1": 0,
       *       "2": 0,
       *       "3": 1,
       *       "4": 2,
       *       "5": 0
       *     }
       */
      distribution: Record<string, never>;
      /** @description Without names, newest first. */
      comments: string[];
    };
    ProfessionalDevelopmentLine: {
      /** Format: uuid */
      meetingId: string;
      title: string;
      start: string;
      sessions: number;
      sessionsAttended: number;
      hoursCredited: number;
      attendedHours: number;
    };
    ProfessionalDevelopmentResponse: {
      schoolYear: string;
      items: components['schemas']['ProfessionalDevelopmentLine'][];
      totalHours: number;
    };
    EvaluationFormDto: {
      comment?: string;
      score: number;
    };
    MethodResponse: {
      code: string;
      name: string;
    };
    CreateTrajectoryDto: {
      /**
       * Format: uuid
       * @description Default: the caller. An admin names the coach.
       */
      coachPersonId?: string;
      /** Format: uuid */
      coacheePersonId: string;
      /** Format: uuid */
      schoolId: string;
      /** @example Hoe houd ik de rust in groep 7 na de pauze? */
      coachingQuestion: string;
      goals: string;
      /** @description A method code from GET /coaching/methods, e.g. grow. */
      method: string;
      plannedSessions: number;
      /** @example 2027-09-06 */
      startDate: string;
      /**
       * @default active
       * @enum {string}
       */
      status: 'requested' | 'active';
    };
    TrajectoryResponse: {
      id: string;
      coachPersonId: string;
      /** @example Carla de Vries */
      coachName: string;
      coacheePersonId: string;
      /** @example Koen Jansen */
      coacheeName: string;
      schoolId: string;
      coachingQuestion: string;
      goals: string;
      method: string;
      plannedSessions: number;
      startDate: string;
      /** @enum {string} */
      status: 'requested' | 'active' | 'closed';
      closingEvaluation: string | null;
    };
    TrajectoryListResponse: {
      items: components['schemas']['TrajectoryResponse'][];
    };
    CloseTrajectoryDto: {
      /** @description The closing evaluation. */
      evaluation: string;
    };
    SessionResponse: {
      id: string;
      trajectoryId: string;
      appointmentId: string;
      start: string;
      end: string;
      version: number;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled' | 'no_show';
      /** @description Where: the school (null: online only). */
      schoolId: string | null;
      /** @description The room ("" when none). */
      room: string;
      onlineUrl: string | null;
      cancelledByPersonId: string | null;
      cancelReason: string | null;
      hasNote: boolean;
    };
    SessionListResponse: {
      items: components['schemas']['SessionResponse'][];
    };
    PlanSessionDto: {
      /** @example 2027-09-13T14:00:00+02:00 */
      start: string;
      /** @example 2027-09-13T15:00:00+02:00 */
      end: string;
      room?: string;
      /** @description Plan outside working hours anyway (recorded in the audit log). */
      allowOutsideWorkingHours?: boolean;
    };
    MoveDto: {
      /** @example 2027-09-14T14:00:00+02:00 */
      start: string;
      /** @example 2027-09-14T15:00:00+02:00 */
      end: string;
      /** @description The appointment version you saw (or send If-Match). */
      version?: number;
      allowOutsideWorkingHours?: boolean;
      /**
       * Format: uuid
       * @description A new place: the school where it takes place (null: none, online only). Left out: the place stays. Closures and travel time are checked at the new school.
       */
      schoolId?: string | null;
      /**
       * @description A new room (empty: none).
       * @example Lokaal 12
       */
      room?: string;
      /**
       * @description A new https link for meeting online (null: none). A school or a link must remain.
       * @example https://meet.example.nl/abc
       */
      onlineUrl?: string | null;
    };
    CancelSessionDto: {
      /** @description Why it is cancelled; the other person sees it. */
      reason: string;
      version?: number;
    };
    TextResponse: {
      text: string | null;
    };
    TextDto: {
      text: string;
    };
    ScaleStepResponse: {
      value: number;
      label: string;
    };
    FormItemResponse: {
      key: string;
      text: string;
    };
    FormDomainResponse: {
      key: string;
      title: string;
      items: components['schemas']['FormItemResponse'][];
    };
    FormResponse: {
      id: string;
      name: string;
      isDefault: boolean;
      /** @description false: deactivated, not offered for new visits */
      active: boolean;
      /** @description A classroom visit uses it: its scale and domains can no longer change */
      inUse: boolean;
      scale: components['schemas']['ScaleStepResponse'][];
      domains: components['schemas']['FormDomainResponse'][];
    };
    ScaleStepDto: {
      value: number;
      label: string;
    };
    FormItemDto: {
      key: string;
      text: string;
    };
    FormDomainDto: {
      key: string;
      title: string;
      items: components['schemas']['FormItemDto'][];
    };
    CreateFormDto: {
      name: string;
      scale: components['schemas']['ScaleStepDto'][];
      domains: components['schemas']['FormDomainDto'][];
    };
    UpdateFormDto: {
      name?: string;
      /** @description false: deactivated (not offered for new visits; old observations still show) */
      active?: boolean;
      /** @description Only while no visit uses the form */
      scale?: components['schemas']['ScaleStepDto'][];
      /** @description Only while no visit uses the form */
      domains?: components['schemas']['FormDomainDto'][];
    };
    CreateVisitDto: {
      /**
       * Format: uuid
       * @description Default: the caller. An admin names the observer.
       */
      observerPersonId?: string;
      /** Format: uuid */
      teacherPersonId: string;
      /** Format: uuid */
      schoolId: string;
      /** @example groep 6 */
      groupName: string;
      /**
       * @description Start of the lesson visited.
       * @example 2027-10-12T09:00:00+02:00
       */
      start: string;
      /** @example 2027-10-12T09:45:00+02:00 */
      end: string;
      /**
       * @description An assessment visit; the teacher sees this beforehand.
       * @default false
       */
      assessment: boolean;
      /**
       * Format: uuid
       * @description Default: the default lesson-observation form.
       */
      formId?: string;
      /**
       * @description Length of the pre-visit meeting and the debrief (15–120).
       * @default 30
       */
      meetingMinutes: number;
    };
    VisitAppointmentResponse: {
      /** @enum {string} */
      part: 'pre' | 'visit' | 'debrief';
      appointmentId: string;
      start: string;
      end: string;
      version: number;
      /** @enum {string} */
      status: 'scheduled' | 'cancelled';
      /** @description Where: the school (null: online only). */
      schoolId: string | null;
      /** @description The room ("" when none). */
      room: string;
      onlineUrl: string | null;
    };
    VisitResponse: {
      id: string;
      observerPersonId: string;
      /** @example Carla de Vries */
      observerName: string;
      teacherPersonId: string;
      /** @example Tessa Bakker */
      teacherName: string;
      schoolId: string;
      groupName: string;
      assessment: boolean;
      formId: string;
      /** @enum {string} */
      status: 'planned' | 'cancelled';
      debriefHeld: boolean;
      /** @description Pre-visit meeting, visit, debrief. */
      appointments: components['schemas']['VisitAppointmentResponse'][];
    };
    VisitListResponse: {
      items: components['schemas']['VisitResponse'][];
    };
    ObservationFormResponse: {
      id: string;
      name: string;
      scale: components['schemas']['ScaleStepResponse'][];
      domains: components['schemas']['FormDomainResponse'][];
    };
    AnswerResponse: {
      itemKey: string;
      score: number | null;
      comment: string;
    };
    ObservationResponse: {
      visitId: string;
      form: components['schemas']['ObservationFormResponse'];
      answers: components['schemas']['AnswerResponse'][];
      overallComment: string | null;
      /** @description The debrief is held: the teacher reads it. */
      sharedWithTeacher: boolean;
    };
    AnswerDto: {
      itemKey: string;
      score?: number | null;
      comment?: string;
    };
    ObservationDto: {
      answers: components['schemas']['AnswerDto'][];
      overallComment?: string;
    };
    DomainAverageResponse: {
      key: string;
      title: string;
      /** @description The average score of its items; null when none scored. */
      average: number | null;
    };
    TeacherHistoryItemResponse: {
      visitId: string;
      /**
       * @description The date of the lesson (Europe/Amsterdam).
       * @example 2027-10-05
       */
      date: string;
      groupName: string;
      assessment: boolean;
      domains: components['schemas']['DomainAverageResponse'][];
    };
    TeacherHistoryResponse: {
      /** @description Shared observations, earliest lesson first. */
      items: components['schemas']['TeacherHistoryItemResponse'][];
    };
    CreateGroupDto: {
      /** @example Intervisie starters Noord */
      name: string;
      /**
       * Format: uuid
       * @description Default: the caller (a coach). An admin names the facilitator.
       */
      facilitatorPersonId?: string;
      /** @description A method code from GET /intervision/methods, e.g. incident. */
      method: string;
      /**
       * Format: uuid
       * @description The school it meets at (or give onlineUrl).
       */
      schoolId?: string;
      room?: string;
      /** @example https://meet.example.org/intervisie */
      onlineUrl?: string;
      /** @example 2027-2028 */
      schoolYear: string;
      /**
       * @description On a closure of any member’s school: skip the meeting or shift it to the next school day.
       * @enum {string}
       */
      closurePolicy: 'skip' | 'shift';
      /** @description The first members. */
      memberPersonIds?: string[];
    };
    MemberResponse: {
      /** Format: uuid */
      personId: string;
      name: string;
      joinedAt: string;
      leftAt: string | null;
    };
    NormWarning: {
      /** @enum {string} */
      code: 'fewer_than_3_meetings' | 'fewer_than_4_members';
      detail: string;
    };
    GroupResponse: {
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: uuid */
      facilitatorPersonId: string;
      /** @example Carla de Vries */
      facilitatorName: string;
      method: string;
      schoolId: string | null;
      room: string;
      onlineUrl: string | null;
      schoolYear: string;
      /** @enum {string} */
      closurePolicy: 'skip' | 'shift';
      members: components['schemas']['MemberResponse'][];
      warnings: components['schemas']['NormWarning'][];
    };
    GroupSummaryResponse: {
      /** Format: uuid */
      id: string;
      name: string;
      schoolYear: string;
      /** Format: uuid */
      facilitatorPersonId: string;
    };
    GroupListResponse: {
      items: components['schemas']['GroupSummaryResponse'][];
    };
    MeetingResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      groupId: string;
      date: string;
      originalDate: string | null;
      /** @enum {string} */
      status: 'planned' | 'cancelled';
      start: string;
      end: string;
      /** Format: uuid */
      appointmentId: string;
      calendarUid: string;
      version: number;
      casePresenterPersonId: string | null;
    };
    MeetingListResponse: {
      items: components['schemas']['MeetingResponse'][];
    };
    CommonSlotResponse: {
      /** @enum {string} */
      weekday: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday';
      /** @example 15:30 */
      startTime: string;
      cadenceWeeks: number;
      firstDate: string;
      /** @example FREQ=WEEKLY;INTERVAL=3;BYDAY=TU */
      rrule: string;
      occurrences: number;
      freeOccurrences: number;
      conflicts: string[];
    };
    CommonSlotListResponse: {
      from: string;
      to: string;
      items: components['schemas']['CommonSlotResponse'][];
    };
    AddMemberDto: {
      /** Format: uuid */
      personId: string;
    };
    MemberConflict: {
      date: string;
      /** Format: uuid */
      personId: string;
      /** @enum {string} */
      kind: 'overlap' | 'travel' | 'outside_working_hours';
    };
    AddMemberResponse: {
      /** Format: uuid */
      personId: string;
      /** @description The future planned meetings they were invited to. */
      meetingsJoined: number;
      /** @description Where those meetings clash for them: told, not refused. */
      memberConflicts: components['schemas']['MemberConflict'][];
    };
    RemoveMemberResponse: {
      /** Format: uuid */
      personId: string;
      /** @description The future planned meetings they were taken off. */
      meetingsLeft: number;
      warnings: components['schemas']['NormWarning'][];
    };
    SeriesDto: {
      /**
       * @description RFC 5545 RRULE, weekly, in wall-clock time.
       * @example FREQ=WEEKLY;INTERVAL=3;BYDAY=TU
       */
      rrule: string;
      /** @example 2027-09-07 */
      startsOn: string;
      /** @example 2028-06-30 */
      until: string;
      /**
       * @description Wall clock of Europe/Amsterdam.
       * @example 15:30
       */
      startTime: string;
      /** @example 90 */
      durationMinutes: number;
      /** @description Plan outside the facilitator’s working hours anyway. */
      allowOutsideWorkingHours?: boolean;
    };
    SkippedDateResponse: {
      date: string;
      /** @enum {string} */
      reason: 'closed' | 'passed' | 'taken';
      shiftedTo?: string;
    };
    SeriesResponse: {
      /** Format: uuid */
      id: string;
      rrule: string;
      startsOn: string;
      until: string;
      startTime: string;
      durationMinutes: number;
      meetings: components['schemas']['MeetingResponse'][];
      skipped: components['schemas']['SkippedDateResponse'][];
      /** @description Members planned despite a clash or outside their hours: told, not refused. */
      memberConflicts: components['schemas']['MemberConflict'][];
      warnings: components['schemas']['NormWarning'][];
    };
    ReplaceSeriesDto: {
      /**
       * @description RFC 5545 RRULE, weekly, in wall-clock time.
       * @example FREQ=WEEKLY;INTERVAL=3;BYDAY=TU
       */
      rrule: string;
      /** @example 2027-09-07 */
      startsOn: string;
      /** @example 2028-06-30 */
      until: string;
      /**
       * @description Wall clock of Europe/Amsterdam.
       * @example 15:30
       */
      startTime: string;
      /** @example 90 */
      durationMinutes: number;
      /** @description Plan outside the facilitator’s working hours anyway. */
      allowOutsideWorkingHours?: boolean;
      /**
       * @description Meetings on and after this date are replaced; earlier ones stay.
       * @example 2028-01-10
       */
      from: string;
    };
    MoveMeetingDto: {
      /** @example 2027-10-12T15:30:00+02:00 */
      start: string;
      /** @example 2027-10-12T17:00:00+02:00 */
      end: string;
      /** @description The appointment version you saw. */
      version?: number;
      allowOutsideWorkingHours?: boolean;
    };
    MovedMeetingResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      groupId: string;
      date: string;
      originalDate: string | null;
      /** @enum {string} */
      status: 'planned' | 'cancelled';
      start: string;
      end: string;
      /** Format: uuid */
      appointmentId: string;
      calendarUid: string;
      version: number;
      casePresenterPersonId: string | null;
      /** @description Members for whom the new time clashes: told, not refused. */
      memberConflicts: components['schemas']['MemberConflict'][];
    };
    CasePresenterDto: {
      /**
       * Format: uuid
       * @description Leave out to let the fair rotation choose.
       */
      personId?: string;
    };
    SwapPresenterDto: {
      /**
       * Format: uuid
       * @description The other meeting of the same group.
       */
      meetingId: string;
    };
    IntervisionAttendanceLine: {
      /** Format: uuid */
      personId: string;
      /**
       * @description Null: not marked yet.
       * @enum {string|null}
       */
      status: 'present' | 'excused' | 'absent' | null;
    };
    AttendanceResponse: {
      items: components['schemas']['IntervisionAttendanceLine'][];
    };
    AttendanceItemDto: {
      /** Format: uuid */
      personId: string;
      /** @enum {string} */
      status: 'present' | 'excused' | 'absent';
    };
    AttendanceDto: {
      items: components['schemas']['AttendanceItemDto'][];
    };
    PlanningTrajectoryLine: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      schoolId: string;
      schoolName: string;
      coachName: string;
      coacheeName: string;
      /** @enum {string} */
      status: 'requested' | 'active';
      plannedSessions: number;
      sessionsHeld: number;
    };
    PlanningAppointmentLine: {
      /** @enum {string} */
      kind: 'coaching_session' | 'classroom_visit';
      start: string;
      end: string;
      /** Format: uuid */
      schoolId: string;
      schoolName: string;
      /** @description The coach, or the observer of a visit. */
      coachName: string;
      /** @description The coachee, or the visited teacher. */
      personName: string;
    };
    PlanningResponse: {
      from: string;
      to: string;
      /** @description Requested and active trajectories. */
      trajectories: components['schemas']['PlanningTrajectoryLine'][];
      /** @description Planned sessions and visits, earliest first. */
      upcoming: components['schemas']['PlanningAppointmentLine'][];
    };
    ThemeAttendanceLine: {
      /** Format: uuid */
      schoolId: string;
      schoolName: string;
      /** @description Confirmed registrations of staff of this school. */
      registered: number;
      /** @description Of those, present at one session or more. */
      attended: number;
      /** @description Professional development hours they were credited. */
      hours: number;
    };
    ThemeAttendanceResponse: {
      schoolYear: string;
      items: components['schemas']['ThemeAttendanceLine'][];
    };
    OrganisedMeetingLine: {
      /** Format: uuid */
      id: string;
      title: string;
      /** @enum {string} */
      format: 'on_site' | 'online' | 'hybrid';
      /** @enum {string} */
      status: 'published' | 'cancelled';
      start: string;
      end: string;
      capacity: number;
      /** @description Confirmed registrations (on site and online). */
      confirmed: number;
      waitlist: number;
    };
    OrganisedMeetingsResponse: {
      /** @description Newest first, past ones included (at most 200). */
      items: components['schemas']['OrganisedMeetingLine'][];
    };
    RegistrantName: {
      /** Format: uuid */
      personId: string;
      displayName: string;
      /** @description Names of the schools the person works at. */
      schools: string[];
    };
    RegistrantNamesResponse: {
      items: components['schemas']['RegistrantName'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The API process is alive */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /**
       * @description Ready to serve traffic
       *
       *     The Health Check is successful
       */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example ok */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /**
       * @description A dependency is down
       *
       *     The Health Check is not successful
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example error */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  MetricsController_render: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Metrics */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
    };
  };
  AuthController_requestLink_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginLinkRequestDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptedResponse'];
        };
      };
    };
  };
  AuthController_verifyForm_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_verify_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerifyLoginDto'];
      };
    };
    responses: {
      /** @description Signed in: TokenResponse (bearer) or SessionResponse (cookie) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_refresh_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
    };
  };
  AuthController_logout_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MeController_me_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonResponse'];
        };
      };
    };
  };
  MeController_update_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonResponse'];
        };
      };
    };
  };
  MeController_tokens_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiTokenResponse'][];
        };
      };
    };
  };
  MeController_createToken_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiTokenDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NewApiTokenResponse'];
        };
      };
    };
  };
  MeController_revokeToken_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleController_list_v1: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page (`nextCursor`). */
        cursor?: string;
        /** @description Only people with a membership at this school */
        schoolId?: string;
        /** @description Search: part of the name or the email address */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonPage'];
        };
      };
    };
  };
  PeopleController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePersonDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonResponse'];
        };
      };
    };
  };
  PeopleController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonResponse'];
        };
      };
    };
  };
  PeopleController_update_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePersonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonResponse'];
        };
      };
    };
  };
  PeopleController_addMembership_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MembershipDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonResponse'];
        };
      };
    };
  };
  PeopleController_removeMembership_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        membershipId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleController_export_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export, one section per domain */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleController_erase_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SchoolsController_list_v1: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page (`nextCursor`). */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolPage'];
        };
      };
    };
  };
  SchoolsController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSchoolDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolResponse'];
        };
      };
    };
  };
  SchoolsController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolResponse'];
        };
      };
    };
  };
  SchoolsController_remove_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SchoolsController_update_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSchoolDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolResponse'];
        };
      };
    };
  };
  AuditController_list_v1: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page (`nextCursor`). */
        cursor?: string;
        actorPersonId?: string;
        entityType?: string;
        entityId?: string;
        action?: string;
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
    };
  };
  StaffImportController_run_v1: {
    parameters: {
      query?: {
        /** @description true: report what would change and write nothing */
        dryRun?: 'true' | 'false';
        /** @description BRIN code (with optional vestiging, e.g. 12AB01) for rows without a school column of their own */
        school?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The CSV file itself */
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StaffImportReportResponse'];
        };
      };
    };
  };
  ClosuresImportController_importRijksoverheid_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RijksoverheidImportResponse'];
        };
      };
    };
  };
  SchoolIcalImportController_importIcal_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/calendar': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IcalImportResponse'];
        };
      };
    };
  };
  SchoolClosuresController_list_v1: {
    parameters: {
      query: {
        /** @description First date (YYYY-MM-DD), included */
        from: string;
        /** @description Last date (YYYY-MM-DD), included; at most 3 years after from */
        to: string;
      };
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClosureListResponse'];
        };
      };
    };
  };
  SchoolClosuresController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateClosureDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClosureResponse'];
        };
      };
    };
  };
  SchoolClosuresController_closed_v1: {
    parameters: {
      query: {
        /** @description The date to ask about (YYYY-MM-DD) */
        date: string;
      };
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClosedResponse'];
        };
      };
    };
  };
  SchoolClosuresController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
        closureId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClosureResponse'];
        };
      };
    };
  };
  SchoolClosuresController_remove_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
        closureId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SchoolClosuresController_update_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
        closureId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateClosureDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClosureResponse'];
        };
      };
    };
  };
  SchoolCalendarFeedController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolCalendarFeedResponse'];
        };
      };
    };
  };
  SchoolCalendarFeedController_set_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetSchoolCalendarFeedDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolCalendarFeedResponse'];
        };
      };
    };
  };
  SchoolCalendarFeedController_remove_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SchoolCalendarFeedController_sync_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schoolId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolCalendarFeedResponse'];
        };
      };
    };
  };
  WorkingPatternsController_getPattern_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        personId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkingPatternResponse'];
        };
      };
    };
  };
  WorkingPatternsController_putPattern_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        personId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutWorkingPatternDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkingPatternResponse'];
        };
      };
    };
  };
  WorkingPatternsController_listUnavailability_v1: {
    parameters: {
      query?: {
        /** @description Only what ends after this; default now */
        from?: string;
        /** @description Only what starts before this */
        to?: string;
      };
      header?: never;
      path: {
        personId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnavailabilityListResponse'];
        };
      };
    };
  };
  WorkingPatternsController_addUnavailability_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        personId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUnavailabilityDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnavailabilityResponse'];
        };
      };
    };
  };
  WorkingPatternsController_removeUnavailability_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        personId: string;
        unavailabilityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AppointmentsController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAppointmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppointmentResponse'];
        };
      };
    };
  };
  AppointmentsController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppointmentResponse'];
        };
      };
    };
  };
  AppointmentsController_update_v1: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version you last saw, e.g. "3" (or send `version` in the body). A changed appointment answers 409 stale_version. */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAppointmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppointmentResponse'];
        };
      };
    };
  };
  AppointmentsController_cancel_v1: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version you last saw, e.g. "3" (or send `version` in the body). A changed appointment answers 409 stale_version. */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VersionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppointmentResponse'];
        };
      };
    };
  };
  AppointmentsController_addParticipants_v1: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version you last saw, e.g. "3" (or send `version` in the body). A changed appointment answers 409 stale_version. */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddParticipantsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppointmentResponse'];
        };
      };
    };
  };
  AppointmentsController_removeParticipant_v1: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version you last saw, e.g. "3" (or send `version` in the body). A changed appointment answers 409 stale_version. */
        'If-Match'?: string;
      };
      path: {
        id: string;
        personId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppointmentResponse'];
        };
      };
    };
  };
  AppointmentsController_agenda_v1: {
    parameters: {
      query?: {
        /** @description From this instant (default: now). */
        from?: string;
        /** @description Up to this instant (default: 90 days after from). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaResponse'];
        };
      };
    };
  };
  AppointmentsController_week_v1: {
    parameters: {
      query?: {
        /** @description Any date in the week (YYYY-MM-DD, default today). */
        date?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WeekResponse'];
        };
      };
    };
  };
  MyRsvpController_answer_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MyRsvpDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyRsvpResponse'];
        };
      };
    };
  };
  RsvpController_confirm_v1: {
    parameters: {
      query: {
        answer: 'accept' | 'decline';
      };
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  RsvpController_answer_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['RsvpAnswerDto'];
        'application/json': components['schemas']['RsvpAnswerDto'];
      };
    };
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  SlotsController_suggest_v1: {
    parameters: {
      query: {
        /** @description The people who must all be free (1–10), e.g. the coach and the teacher. Repeat, or separate by commas. */
        personId: string[];
        /** @description Where it takes place: its closures count, and travel time from other schools. Omit for online. */
        schoolId?: string;
        /** @description Length in minutes (15–480). */
        duration?: number;
        /** @description First date to look at (YYYY-MM-DD, default today). */
        from?: string;
        /** @description Last date to look at (YYYY-MM-DD, default four weeks after from; at most 120 days). */
        to?: string;
        /** @description How many suggestions (1–50). */
        count?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlotListResponse'];
        };
      };
    };
  };
  CalendarFeedController_feed_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The `lkf_…` token from POST /api/v1/me/calendar-feed */
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The calendar */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unknown or revoked token */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MyCalendarFeedController_status_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeedStatusResponse'];
        };
      };
    };
  };
  MyCalendarFeedController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NewCalendarFeedResponse'];
        };
      };
    };
  };
  MyCalendarFeedController_revoke_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MailFailuresController_list_v1: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page (`nextCursor`). */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MailFailuresPage'];
        };
      };
    };
  };
  ThemeMeetingsController_catalogue_v1: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page (`nextCursor`). */
        cursor?: string;
        /** @description Theme tag. */
        theme?: string;
        school?: string;
        format?: 'on_site' | 'online' | 'hybrid';
        /** @description Meetings starting in this month (Europe/Amsterdam). */
        month?: string;
        hasSeats?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CataloguePage'];
        };
      };
    };
  };
  ThemeMeetingsController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateThemeMeetingDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ThemeMeetingResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ThemeMeetingResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_update_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateThemeMeetingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ThemeMeetingResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_move_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MoveSessionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ThemeMeetingResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_cancel_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ThemeMeetingResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_list_v1: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from the previous page (`nextCursor`). */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationsPage'];
        };
      };
    };
  };
  ThemeMeetingsController_signUp_v1: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignUpDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_mine_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_answerOffer_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OfferAnswerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_registration_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        registrationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationResponse'];
        };
      };
    };
  };
  ThemeMeetingsController_cancelRegistration_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        registrationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationResponse'];
        };
      };
    };
  };
  ThemeAttendanceController_sessionAttendance_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionAttendanceResponse'];
        };
      };
    };
  };
  ThemeAttendanceController_mark_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkAttendanceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionAttendanceResponse'];
        };
      };
    };
  };
  ThemeAttendanceController_checkIn_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckInResponse'];
        };
      };
    };
  };
  ThemeAttendanceController_evaluate_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvaluationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationResponse'];
        };
      };
    };
  };
  ThemeAttendanceController_evaluations_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationAggregate'];
        };
      };
    };
  };
  ThemeAttendanceController_mine_v1: {
    parameters: {
      query: {
        /** @description August 1 to July 31. */
        schoolYear: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfessionalDevelopmentResponse'];
        };
      };
    };
  };
  ThemeAttendanceController_csv_v1: {
    parameters: {
      query: {
        /** @description August 1 to July 31. */
        schoolYear: string;
        /** @description Only this person (someone the caller may see). */
        personId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ThemeOfferController_confirm_v1: {
    parameters: {
      query: {
        answer: 'accept' | 'decline';
      };
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  ThemeOfferController_answer_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['OfferAnswerDto'];
        'application/json': components['schemas']['OfferAnswerDto'];
      };
    };
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  ThemeEvaluationController_form_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  ThemeEvaluationController_submit_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['EvaluationFormDto'];
        'application/json': components['schemas']['EvaluationFormDto'];
      };
    };
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  CoachingController_methods_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MethodResponse'][];
        };
      };
    };
  };
  CoachingController_list_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrajectoryListResponse'];
        };
      };
    };
  };
  CoachingController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTrajectoryDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrajectoryResponse'];
        };
      };
    };
  };
  CoachingController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrajectoryResponse'];
        };
      };
    };
  };
  CoachingController_close_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseTrajectoryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrajectoryResponse'];
        };
      };
    };
  };
  CoachingController_slots_v1: {
    parameters: {
      query?: {
        /** @description Length in minutes (15–240). */
        duration?: number;
        from?: string;
        to?: string;
        count?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlotListResponse'];
        };
      };
    };
  };
  CoachingController_sessions_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionListResponse'];
        };
      };
    };
  };
  CoachingController_plan_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlanSessionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
    };
  };
  CoachingController_session_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
    };
  };
  CoachingController_move_v1: {
    parameters: {
      query?: never;
      header?: {
        /** @description The appointment version you last saw, e.g. "3" (or send `version` in the body). */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MoveDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
    };
  };
  CoachingController_cancel_v1: {
    parameters: {
      query?: never;
      header?: {
        /** @description The appointment version you last saw, e.g. "3" (or send `version` in the body). */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelSessionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
    };
  };
  CoachingController_held_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
    };
  };
  CoachingController_noShow_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
    };
  };
  CoachingController_note_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TextResponse'];
        };
      };
    };
  };
  CoachingController_putNote_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TextDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TextResponse'];
        };
      };
    };
  };
  CoachingController_agreements_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TextResponse'];
        };
      };
    };
  };
  CoachingController_putAgreements_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TextDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TextResponse'];
        };
      };
    };
  };
  VisitsController_forms_v1: {
    parameters: {
      query?: {
        /** @description true: deactivated forms too (admins only; for everyone else only active forms) */
        includeInactive?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormResponse'][];
        };
      };
    };
  };
  VisitsController_createForm_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFormDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  VisitsController_form_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormResponse'];
        };
      };
    };
  };
  VisitsController_updateForm_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateFormDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormResponse'];
        };
      };
    };
  };
  VisitsController_list_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitListResponse'];
        };
      };
    };
  };
  VisitsController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateVisitDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitResponse'];
        };
      };
    };
  };
  VisitsController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitResponse'];
        };
      };
    };
  };
  VisitsController_move_v1: {
    parameters: {
      query?: never;
      header?: {
        /** @description The appointment version you last saw, e.g. "3" (or send `version` in the body). */
        'If-Match'?: string;
      };
      path: {
        id: string;
        part: 'pre' | 'visit' | 'debrief';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MoveDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitResponse'];
        };
      };
    };
  };
  VisitsController_cancel_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitResponse'];
        };
      };
    };
  };
  VisitsController_debriefHeld_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitResponse'];
        };
      };
    };
  };
  VisitsController_observation_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObservationResponse'];
        };
      };
    };
  };
  VisitsController_putObservation_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ObservationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObservationResponse'];
        };
      };
    };
  };
  VisitsController_history_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        personId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherHistoryResponse'];
        };
      };
    };
  };
  CoachingReportsController_sessions_v1: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CoachingReportsController_visits_v1: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IntervisionController_methods_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MethodResponse'][];
        };
      };
    };
  };
  IntervisionController_list_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupListResponse'];
        };
      };
    };
  };
  IntervisionController_create_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateGroupDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupResponse'];
        };
      };
    };
  };
  IntervisionController_get_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupResponse'];
        };
      };
    };
  };
  IntervisionController_meetings_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingListResponse'];
        };
      };
    };
  };
  IntervisionController_skippedDates_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IntervisionController_commonSlots_v1: {
    parameters: {
      query?: {
        duration?: number;
        /** @description Cadences in weeks (1 to 4); default all. */
        cadence?: number[];
        count?: number;
        /** @description Default: the later of today and the school year start. */
        from?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommonSlotListResponse'];
        };
      };
    };
  };
  IntervisionController_addMember_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMemberDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddMemberResponse'];
        };
      };
    };
  };
  IntervisionController_removeMember_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        personId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemoveMemberResponse'];
        };
      };
    };
  };
  IntervisionController_createSeries_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SeriesDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeriesResponse'];
        };
      };
    };
  };
  IntervisionController_replaceSeries_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplaceSeriesDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeriesResponse'];
        };
      };
    };
  };
  IntervisionController_attendanceExport_v1: {
    parameters: {
      query?: {
        format?: 'json' | 'csv';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IntervisionController_move_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MoveMeetingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MovedMeetingResponse'];
        };
      };
    };
  };
  IntervisionController_cancel_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingResponse'];
        };
      };
    };
  };
  IntervisionController_setCasePresenter_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CasePresenterDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingResponse'];
        };
      };
    };
  };
  IntervisionController_swap_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SwapPresenterDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingListResponse'];
        };
      };
    };
  };
  IntervisionController_attendance_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceResponse'];
        };
      };
    };
  };
  IntervisionController_recordAttendance_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AttendanceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceResponse'];
        };
      };
    };
  };
  IntervisionController_report_v1: {
    parameters: {
      query: {
        schoolYear: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OverviewsController_planning_v1: {
    parameters: {
      query?: {
        /** @description How many days ahead, from now. */
        days?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanningResponse'];
        };
      };
    };
  };
  OverviewsController_themeAttendance_v1: {
    parameters: {
      query: {
        /** @description August 1 to July 31. */
        schoolYear: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ThemeAttendanceResponse'];
        };
      };
    };
  };
  OverviewsController_organised_v1: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganisedMeetingsResponse'];
        };
      };
    };
  };
  OverviewsController_registrantNames_v1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrantNamesResponse'];
        };
      };
    };
  };
}
