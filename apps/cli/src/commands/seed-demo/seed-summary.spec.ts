import type { SeedDemoResult } from './seed-demo.service';
import { formatSeedSummary } from './seed-summary';

describe('formatSeedSummary', () => {
  const context = { database: 'leerkring', elapsedMs: 1234, mailDelivery: 'as an .eml file under var/mail' };
  const unchanged = { total: 12, created: 0, updated: 0 };
  const seeded: SeedDemoResult = {
    seeded: true,
    foundationName: 'Stichting Rivierenland Onderwijs (demo)',
    foundationCreated: false,
    schools: unchanged,
    staff: { ...unchanged, total: 600 },
    memberships: { ...unchanged, total: 621 },
    adminPersonId: '0b6f7c1e-1d2a-4c3b-9e8f-123456789abc',
    counts: { schools: 12, staff: 600, directors: 12, coaches: 15, memberships: 621 },
    adminEmail: 'admin@rivierenland-demo.nl',
    welcomeMail: 'queued',
  };

  it('names the foundation, the counts, the admin and the queued welcome mail', () => {
    const sut = formatSeedSummary(seeded, context);

    expect(sut).toContain('Stichting Rivierenland Onderwijs (demo)');
    expect(sut).toContain('600 (12 directors, 15 coaches)');
    expect(sut).toContain('admin         admin@rivierenland-demo.nl');
    expect(sut).toContain('queued for admin@rivierenland-demo.nl');
    expect(sut).toContain('(1.2 s)');
  });

  it('says so when a run changed nothing', () => {
    expect(formatSeedSummary(seeded, context)).toContain('no changes: everything was already there');
  });

  it('lists what a run created', () => {
    const sut = formatSeedSummary(
      { ...seeded, foundationCreated: true, staff: { total: 600, created: 600, updated: 0 } },
      context,
    );

    expect(sut).toContain('1 foundation; staff 600 new, 0 changed');
  });

  it('explains an --if-empty run that found a foundation', () => {
    expect(formatSeedSummary({ seeded: false, existingFoundation: 'Stichting X' }, context)).toBe(
      'Database leerkring already has a foundation (Stichting X); --if-empty: nothing seeded.',
    );
  });
});
