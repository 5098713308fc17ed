import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'char(36) CHARACTER SET "ascii" COLLATE "ascii_bin"';
const ASCII = 'CHARACTER SET "ascii" COLLATE "ascii_bin"';
const STAMPS = `
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),`;

/** Theme meetings (themabijeenkomsten): the catalogue, their sessions (appointments) and registrations with a waitlist. */
export class CreateThemeMeetings1795451200000 implements MigrationInterface {
  name = 'CreateThemeMeetings1795451200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`theme_meeting\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`title\` varchar(200) NOT NULL,
                \`description\` text NULL,
                \`tags\` text NOT NULL,
                \`organizer_person_id\` ${ID} NOT NULL,
                \`format\` varchar(10) ${ASCII} NOT NULL,
                \`school_id\` ${ID} NULL,
                \`room\` varchar(100) NOT NULL DEFAULT '',
                \`online_url\` varchar(500) NULL,
                \`capacity\` int UNSIGNED NOT NULL,
                \`online_capacity\` int UNSIGNED NULL,
                \`confirmed_count\` int UNSIGNED NOT NULL DEFAULT 0,
                \`online_confirmed_count\` int UNSIGNED NOT NULL DEFAULT 0,
                \`waitlist_seq\` int UNSIGNED NOT NULL DEFAULT 0,
                \`registration_opens_at\` datetime(3) NOT NULL,
                \`registration_closes_at\` datetime(3) NOT NULL,
                \`audience_school_ids\` text NULL,
                \`audience_functions\` text NULL,
                \`hours_credited\` decimal(5,2) NOT NULL DEFAULT 0,
                \`cancellation_deadline\` datetime(3) NULL,
                \`offer_mode\` varchar(20) ${ASCII} NOT NULL,
                \`offer_hours\` int UNSIGNED NOT NULL DEFAULT 24,
                \`status\` varchar(10) ${ASCII} NOT NULL DEFAULT 'published',
                \`starts_at\` datetime(3) NOT NULL,
                \`ends_at\` datetime(3) NOT NULL,
                INDEX \`ix_theme_meeting_starts_at\` (\`starts_at\`),
                INDEX \`ix_theme_meeting_organizer\` (\`organizer_person_id\`, \`starts_at\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_theme_meeting_organizer\` FOREIGN KEY (\`organizer_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_theme_meeting_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`theme_meeting_session\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`meeting_id\` ${ID} NOT NULL,
                \`appointment_id\` ${ID} NOT NULL,
                \`position\` int UNSIGNED NOT NULL,
                \`starts_at\` datetime(3) NOT NULL,
                \`ends_at\` datetime(3) NOT NULL,
                \`check_in_code\` varchar(12) ${ASCII} NOT NULL,
                UNIQUE INDEX \`uq_theme_meeting_session_appointment\` (\`appointment_id\`),
                INDEX \`ix_theme_meeting_session_meeting\` (\`meeting_id\`, \`position\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_theme_meeting_session_meeting\` FOREIGN KEY (\`meeting_id\`) REFERENCES \`theme_meeting\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT \`fk_theme_meeting_session_appointment\` FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointment\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`theme_registration\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`meeting_id\` ${ID} NOT NULL,
                \`person_id\` ${ID} NOT NULL,
                \`mode\` varchar(10) ${ASCII} NOT NULL,
                \`status\` varchar(12) ${ASCII} NOT NULL,
                \`waitlist_seq\` int UNSIGNED NULL,
                \`offer_deadline\` datetime(3) NULL,
                \`offer_round\` int UNSIGNED NOT NULL DEFAULT 0,
                \`idempotency_key\` varchar(100) ${ASCII} NULL,
                \`attended_hours\` decimal(5,2) NULL,
                \`evaluation_score\` tinyint UNSIGNED NULL,
                \`evaluation_comment\` text NULL,
                \`confirmed_at\` datetime(3) NULL,
                \`cancelled_at\` datetime(3) NULL,
                UNIQUE INDEX \`uq_theme_registration\` (\`meeting_id\`, \`person_id\`),
                UNIQUE INDEX \`uq_theme_registration_idempotency\` (\`person_id\`, \`idempotency_key\`),
                INDEX \`ix_theme_registration_waitlist\` (\`meeting_id\`, \`status\`, \`mode\`, \`waitlist_seq\`),
                INDEX \`ix_theme_registration_offer\` (\`status\`, \`offer_deadline\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_theme_registration_meeting\` FOREIGN KEY (\`meeting_id\`) REFERENCES \`theme_meeting\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT \`fk_theme_registration_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`theme_registration\``);
    await queryRunner.query(`DROP TABLE \`theme_meeting_session\``);
    await queryRunner.query(`DROP TABLE \`theme_meeting\``);
  }
}
