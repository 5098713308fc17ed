import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a participant was mailed the evaluation link after a theme meeting (once per
 * registration), and an index to find meetings by their end for that sweep.
 */
export class AddThemeEvaluationRequests1795456000000 implements MigrationInterface {
  name = 'AddThemeEvaluationRequests1795456000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `theme_registration` ADD `evaluation_requested_at` datetime(3) NULL');
    await queryRunner.query('CREATE INDEX `ix_theme_meeting_ends_at` ON `theme_meeting` (`ends_at`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `ix_theme_meeting_ends_at` ON `theme_meeting`');
    await queryRunner.query('ALTER TABLE `theme_registration` DROP COLUMN `evaluation_requested_at`');
  }
}
