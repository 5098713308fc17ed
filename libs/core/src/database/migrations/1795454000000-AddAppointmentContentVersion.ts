import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version of an appointment's last change to what everyone sees (time, place, title,
 * description, status), apart from `version`, which also grows when people are added or removed.
 * Those changes mail only the people added or removed, not everyone else again.
 */
export class AddAppointmentContentVersion1795454000000 implements MigrationInterface {
  name = 'AddAppointmentContentVersion1795454000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `appointment` ADD `content_version` int UNSIGNED NOT NULL DEFAULT 0');
    await queryRunner.query('UPDATE `appointment` SET `content_version` = `version`');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `appointment` DROP COLUMN `content_version`');
  }
}
