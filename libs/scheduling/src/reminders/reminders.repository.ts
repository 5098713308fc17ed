import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { Foundation, Person, School } from '@leerkring/people';
import { Appointment, AppointmentParticipant } from '../appointments/appointment.entity';

/** Names hardly ever change; a burst of reminders should not read them once per mail. */
const NAME_CACHE_MS = 60_000;

/** The only reminder code that reads the database. Reads only: reminders change nothing there. */
@Injectable()
export class RemindersRepository {
  private readonly names = new Map<string, { name: string | null; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async cachedName(key: string, read: () => Promise<string | null>): Promise<string | null> {
    const cached = this.names.get(key);
    if (cached && cached.until > Date.now()) {
      return cached.name;
    }
    const name = await read();
    this.names.set(key, { name, until: Date.now() + NAME_CACHE_MS });
    return name;
  }

  appointment(id: string): Promise<Appointment | null> {
    return this.dataSource.getRepository(Appointment).findOneBy({ id });
  }

  /** Every participant row, the removed ones too (their reminders must go). */
  participants(appointmentId: string): Promise<AppointmentParticipant[]> {
    return this.dataSource.getRepository(AppointmentParticipant).findBy({ appointmentId });
  }

  participant(appointmentId: string, personId: string): Promise<AppointmentParticipant | null> {
    return this.dataSource.getRepository(AppointmentParticipant).findOneBy({ appointmentId, personId });
  }

  async people(ids: string[]): Promise<Person[]> {
    return ids.length === 0 ? [] : this.dataSource.getRepository(Person).findBy({ id: In([...new Set(ids)]) });
  }

  person(id: string): Promise<Person | null> {
    return this.dataSource.getRepository(Person).findOneBy({ id });
  }

  async schoolName(id: string | null): Promise<string | null> {
    if (!id) {
      return null;
    }
    return this.cachedName(
      `school.${id}`,
      async () => (await this.dataSource.getRepository(School).findOneBy({ id }))?.name ?? null,
    );
  }

  async foundationName(): Promise<string> {
    const name = await this.cachedName(
      'foundation',
      async () =>
        (await this.dataSource.getRepository(Foundation).find({ order: { createdAt: 'ASC' }, take: 1 }))[0]?.name ??
        null,
    );
    return name ?? 'Leerkring';
  }

  /** Ids of scheduled appointments that start after `now`, in pages, for a rebuild. */
  async upcomingIds(now: Date, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .select('appointment.id', 'id')
      .where('appointment.starts_at > :now', { now })
      .andWhere("appointment.status = 'scheduled'")
      .andWhere(afterId ? 'appointment.id > :afterId' : '1 = 1', { afterId })
      .orderBy('appointment.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}
