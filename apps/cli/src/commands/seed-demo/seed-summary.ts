import type { MailStatus } from '@leerkring/notifications';
import type { TableChanges } from './demo-foundation.writer';
import type { SeedDemoResult } from './seed-demo.service';

export interface SummaryContext {
  database: string;
  elapsedMs: number;
  /** Where the worker delivers mail: "via SMTP" or "as an .eml file under var/mail". */
  mailDelivery: string;
}

function welcomeMailLine(status: MailStatus, to: string, delivery: string): string {
  switch (status) {
    case 'queued':
      return `queued for ${to}; the worker sends it ${delivery}`;
    case 'sending':
      return `queued for ${to}; the worker is sending it now`;
    case 'sent':
      return `already sent to ${to} by an earlier run`;
    case 'failed':
      return `could not be delivered to ${to} earlier; see mail_message.last_error`;
  }
}

function thisRun(result: Extract<SeedDemoResult, { seeded: true }>): string {
  const tables: Array<[string, TableChanges]> = [
    ['schools', result.schools],
    ['staff', result.staff],
    ['memberships', result.memberships],
  ];
  const parts = [
    ...(result.foundationCreated ? ['1 foundation'] : []),
    ...tables
      .filter(([, table]) => table.created + table.updated > 0)
      .map(([label, table]) => `${label} ${table.created} new, ${table.updated} changed`),
  ];
  return parts.length === 0 ? 'no changes: everything was already there' : parts.join('; ');
}

/** The few lines the operator sees at the end of `seed:demo`. */
export function formatSeedSummary(result: SeedDemoResult, context: SummaryContext): string {
  if (!result.seeded) {
    return `Database ${context.database} already has a foundation (${result.existingFoundation}); --if-empty: nothing seeded.`;
  }
  const { counts } = result;
  return [
    `Demo foundation ready in database ${context.database} (${(context.elapsedMs / 1000).toFixed(1)} s):`,
    `  foundation    ${result.foundationName}`,
    `  schools       ${counts.schools}`,
    `  staff         ${counts.staff} (${counts.directors} directors, ${counts.coaches} coaches)`,
    `  memberships   ${counts.memberships}`,
    `  admin         ${result.adminEmail}`,
    `  welcome mail  ${welcomeMailLine(result.welcomeMail, result.adminEmail, context.mailDelivery)}`,
    `  this run      ${thisRun(result)}`,
  ].join('\n');
}
