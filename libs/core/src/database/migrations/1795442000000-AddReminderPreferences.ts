import { MigrationInterface, QueryRunner } from 'typeorm';

/** A person may switch appointment reminders off (never invitations or cancellations). */
export class AddReminderPreferences1795442000000 implements MigrationInterface {
  name = 'AddReminderPreferences1795442000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`person\` ADD \`reminders_enabled\` tinyint NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`person\` DROP COLUMN \`reminders_enabled\``);
  }
}
