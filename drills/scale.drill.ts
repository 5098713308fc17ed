/**
 * drill:scale: 2 API and 3 worker processes on one database and one Redis, a mixed load for a
 * fixed time (theme meeting sign-up bursts through both APIs, coaching sessions and appointments
 * planned, moved and cancelled, some starting minutes from now so that their reminders fire, an
 * intervision series), then, once the queues are drained: no overbooking, no double booking,
 * every expected mail received exactly once, no reminder for a cancelled or moved appointment.
 * See docs/drills.md.
 *
 *   npm run drill:scale -- --seconds 60
 */
import { runDrill } from './lib/drill';

runDrill('scale', { defaultSeconds: 60, minSeconds: 10 });
