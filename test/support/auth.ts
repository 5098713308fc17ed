import { Sessions } from '@leerkring/people';
import type { RunningApi } from './api';

/**
 * Headers of a signed-in person, for tests about something other than signing in (which
 * test/auth covers end to end through the mail). Uses the real session service.
 */
export async function signIn(api: RunningApi, personId: string): Promise<Record<string, string>> {
  const session = await api.app.get(Sessions).start(personId, 'bearer', 'test');
  if (session.kind !== 'bearer') {
    throw new Error('expected a bearer session');
  }
  return { authorization: `Bearer ${session.accessToken}` };
}
