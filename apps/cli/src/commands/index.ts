import type { CliCommand } from './command';
import { importStaffCommand } from './import-staff.command';
import { migrateCommand, revertCommand } from './migrate.command';
import { rebuildRemindersCommand } from './rebuild-reminders.command';
import { reencryptNotesCommand } from './reencrypt-notes.command';
import { seedDemoCommand } from './seed-demo/seed-demo.command';

export const COMMANDS: CliCommand[] = [
  migrateCommand,
  revertCommand,
  seedDemoCommand,
  importStaffCommand,
  rebuildRemindersCommand,
  reencryptNotesCommand,
];
