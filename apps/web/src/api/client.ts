import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Person = Schemas['PersonResponse'];
export type Appointment = Schemas['AppointmentResponse'];
export type ThemeMeeting = Schemas['ThemeMeetingResponse'];
export type Registration = Schemas['RegistrationResponse'];
export type Trajectory = Schemas['TrajectoryResponse'];

/** The typed client: paths, parameters and bodies come from the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
}

/** The problem+json body of a failed call, or a generic one. */
export function problemOf(error: unknown, status: number): Problem {
  if (error && typeof error === 'object' && 'code' in error) {
    return { status, ...(error as Omit<Problem, 'status'>) };
  }
  return { status, code: `http_${status}` };
}
