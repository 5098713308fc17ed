import { COACH_FUNCTIONS, type SchoolFunction } from '../persons/membership.entity';
import type { Language } from '../persons/person.entity';

/** System roles, derived from a person's memberships plus the explicit admin flag. */
export const SYSTEM_ROLES = ['admin', 'director', 'coach', 'teacher'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

const TEACHER_FUNCTIONS: readonly SchoolFunction[] = ['teacher', 'starter', 'trainee', 'teaching_assistant'];

/** How the caller proved who they are. */
export type Credential = 'session' | 'access_token' | 'api_token';

/**
 * The authenticated caller of a request: who they are and, per school, what they do there.
 * Every access decision is taken from this plus the resource's relationships (AccessPolicy).
 */
export interface Actor {
  personId: string;
  isAdmin: boolean;
  language: Language;
  roles: ReadonlySet<SystemRole>;
  /** schoolId → the person's functions at that school. */
  functionsBySchool: ReadonlyMap<string, ReadonlySet<SchoolFunction>>;
  credential: Credential;
  /** Only for personal API tokens: what the token may do (read, write). Sessions may do all. */
  scopes?: ReadonlySet<ApiScope>;
}

export const API_SCOPES = ['read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function rolesFor(isAdmin: boolean, functions: Iterable<SchoolFunction>): Set<SystemRole> {
  const roles = new Set<SystemRole>(isAdmin ? ['admin'] : []);
  for (const fn of functions) {
    if (fn === 'director') {
      roles.add('director');
    } else if (COACH_FUNCTIONS.includes(fn)) {
      roles.add('coach');
    } else if (TEACHER_FUNCTIONS.includes(fn)) {
      roles.add('teacher');
    }
  }
  return roles;
}

export function buildActor(
  person: { id: string; isAdmin: boolean; language: Language },
  memberships: ReadonlyArray<{ schoolId: string; function: SchoolFunction }>,
  credential: Credential,
  scopes?: ReadonlySet<ApiScope>,
): Actor {
  const functionsBySchool = new Map<string, Set<SchoolFunction>>();
  for (const membership of memberships) {
    const functions = functionsBySchool.get(membership.schoolId) ?? new Set<SchoolFunction>();
    functions.add(membership.function);
    functionsBySchool.set(membership.schoolId, functions);
  }
  return {
    personId: person.id,
    isAdmin: person.isAdmin,
    language: person.language,
    roles: rolesFor(
      person.isAdmin,
      memberships.map((membership) => membership.function),
    ),
    functionsBySchool,
    credential,
    ...(scopes ? { scopes } : {}),
  };
}

/** The schools where the actor holds one of these functions (all their schools if none given). */
export function schoolsOf(actor: Actor, ...functions: SchoolFunction[]): string[] {
  return [...actor.functionsBySchool.entries()]
    .filter(([, held]) => functions.length === 0 || functions.some((fn) => held.has(fn)))
    .map(([schoolId]) => schoolId);
}

export function isDirectorOf(actor: Actor, schoolId: string): boolean {
  return actor.functionsBySchool.get(schoolId)?.has('director') ?? false;
}

export function isCoachAt(actor: Actor, schoolId: string): boolean {
  const held = actor.functionsBySchool.get(schoolId);
  return held !== undefined && COACH_FUNCTIONS.some((fn) => held.has(fn));
}

/** Who called and how, for the audit log: what services take besides their input. */
export interface RequestContext {
  actor: Actor;
  requestId?: string | null;
}
