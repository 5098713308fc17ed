import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'char(36) CHARACTER SET "ascii" COLLATE "ascii_bin"';
const ASCII = 'CHARACTER SET "ascii" COLLATE "ascii_bin"';

/**
 * Attendance of theme meetings per session: present or absent, marked by the organiser or by the
 * participant's own check-in with the session's code. The registration's `attended_hours` is
 * derived from these rows; `evaluated_at` says when the participant last evaluated the meeting.
 */
export class CreateThemeAttendance1795455000000 implements MigrationInterface {
  name = 'CreateThemeAttendance1795455000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`theme_attendance\` (
                \`id\` ${ID} NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`registration_id\` ${ID} NOT NULL,
                \`session_id\` ${ID} NOT NULL,
                \`present\` tinyint NOT NULL,
                \`source\` varchar(10) ${ASCII} NOT NULL,
                \`recorded_by_person_id\` ${ID} NOT NULL,
                UNIQUE INDEX \`uq_theme_attendance\` (\`registration_id\`, \`session_id\`),
                INDEX \`ix_theme_attendance_session\` (\`session_id\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_theme_attendance_registration\` FOREIGN KEY (\`registration_id\`) REFERENCES \`theme_registration\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT \`fk_theme_attendance_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`theme_meeting_session\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query('ALTER TABLE `theme_registration` ADD `evaluated_at` datetime(3) NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `theme_registration` DROP COLUMN `evaluated_at`');
    await queryRunner.query('DROP TABLE `theme_attendance`');
  }
}
