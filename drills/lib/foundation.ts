import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfigModule, DatabaseModule, RedisModule } from '@leerkring/core';
import { QueuesModule } from '@leerkring/notifications';
import { ApiTokens, PeopleModule } from '@leerkring/people';

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, PeopleModule] })
class DrillFoundationModule {}

export interface Foundation {
  schoolId: string;
  coaches: string[];
  teachers: string[];
  /** personId → personal API token (read, write), sent as a bearer token. */
  tokens: Map<string, string>;
  /** The teachers a coach works with (disjoint slices, so most plans do not clash). */
  teachersOf(coachIndex: number): string[];
}

/**
 * A small foundation written straight into the drill's (migrated) database: one school, coaches
 * and teachers, each with a personal API token made by the real token service (the sign-in flow
 * by mail is test/auth's subject; here it would only add login mails to the count).
 */
export async function seedFoundation({
  coaches,
  teachers,
}: {
  coaches: number;
  teachers: number;
}): Promise<Foundation> {
  const app = await NestFactory.createApplicationContext(DrillFoundationModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    const schoolId = randomUUID();
    await db.query(
      "INSERT INTO school (id, name, brin, vestiging, sector, holiday_region) VALUES (?, 'obs De Drill', '98ZZ', '', 'PO', 'middle')",
      [schoolId],
    );
    const people = Array.from({ length: coaches + teachers }, (_, index) => ({
      id: randomUUID(),
      email: `drill.${index}@drill.test`,
      function: index < coaches ? 'werkbegeleider' : 'teacher',
    }));
    await db.query(
      `INSERT INTO person (id, email, given_name, family_name_prefix, family_name, language, active) VALUES ${people
        .map(() => "(?, ?, 'Drill', '', 'Persoon', 'nl', 1)")
        .join(', ')}`,
      people.flatMap((person) => [person.id, person.email]),
    );
    await db.query(
      `INSERT INTO school_membership (id, person_id, school_id, \`function\`) VALUES ${people.map(() => '(?, ?, ?, ?)').join(', ')}`,
      people.flatMap((person) => [randomUUID(), person.id, schoolId, person.function]),
    );
    // Personal API tokens (docs/sign-in.md), valid for two hours: a bearer access token lasts
    // 15 minutes, less than a long drill with its drain.
    const apiTokens = app.get(ApiTokens);
    const tokens = new Map<string, string>();
    const expiresAt = new Date(Date.now() + 2 * 3_600_000);
    for (const person of people) {
      const { secret } = await apiTokens.create(person.id, 'drill', ['read', 'write'], expiresAt);
      tokens.set(person.id, secret);
    }
    const coachIds = people.slice(0, coaches).map((p) => p.id);
    const teacherIds = people.slice(coaches).map((p) => p.id);
    const slice = Math.floor(teacherIds.length / coaches);
    return {
      schoolId,
      coaches: coachIds,
      teachers: teacherIds,
      tokens,
      teachersOf: (index) => teacherIds.slice(index * slice, (index + 1) * slice),
    };
  } finally {
    await app.close();
  }
}
