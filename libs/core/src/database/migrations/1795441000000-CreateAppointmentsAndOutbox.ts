import { MigrationInterface, QueryRunner } from 'typeorm';

/** Appointments with their participants (the one appointment model), and the transactional outbox. */
export class CreateAppointmentsAndOutbox1795441000000 implements MigrationInterface {
  name = 'CreateAppointmentsAndOutbox1795441000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`appointment\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`kind\` varchar(30) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`title\` varchar(200) NOT NULL,
                \`description\` text NULL,
                \`starts_at\` datetime(3) NOT NULL,
                \`ends_at\` datetime(3) NOT NULL,
                \`zone\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'Europe/Amsterdam',
                \`school_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`room\` varchar(100) NOT NULL DEFAULT '',
                \`online_url\` varchar(500) NULL,
                \`status\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'scheduled',
                \`version\` int UNSIGNED NOT NULL DEFAULT 0,
                \`ical_uid\` varchar(255) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`organizer_person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                UNIQUE INDEX \`uq_appointment_ical_uid\` (\`ical_uid\`),
                INDEX \`ix_appointment_starts_at\` (\`starts_at\`),
                INDEX \`ix_appointment_organizer\` (\`organizer_person_id\`, \`starts_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`appointment_participant\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`appointment_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`role\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`rsvp\` varchar(12) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'needs_action',
                \`rsvp_at\` datetime(3) NULL,
                \`added_version\` int UNSIGNED NOT NULL DEFAULT 0,
                \`removed_at\` datetime(3) NULL,
                \`removed_version\` int UNSIGNED NULL,
                UNIQUE INDEX \`uq_appointment_participant\` (\`appointment_id\`, \`person_id\`),
                INDEX \`ix_appointment_participant_person\` (\`person_id\`, \`removed_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`outbox\` (
                \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
                \`topic\` varchar(60) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`payload\` json NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`relayed_at\` datetime(3) NULL,
                \`attempts\` int UNSIGNED NOT NULL DEFAULT 0,
                \`job_id\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`last_error\` varchar(1000) NULL,
                INDEX \`ix_outbox_unrelayed\` (\`relayed_at\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            ALTER TABLE \`appointment\`
            ADD CONSTRAINT \`fk_appointment_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`appointment\`
            ADD CONSTRAINT \`fk_appointment_organizer\` FOREIGN KEY (\`organizer_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`appointment_participant\`
            ADD CONSTRAINT \`fk_appointment_participant_appointment\` FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointment\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`appointment_participant\`
            ADD CONSTRAINT \`fk_appointment_participant_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`appointment_participant\` DROP FOREIGN KEY \`fk_appointment_participant_person\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`appointment_participant\` DROP FOREIGN KEY \`fk_appointment_participant_appointment\``,
    );
    await queryRunner.query(`ALTER TABLE \`appointment\` DROP FOREIGN KEY \`fk_appointment_organizer\``);
    await queryRunner.query(`ALTER TABLE \`appointment\` DROP FOREIGN KEY \`fk_appointment_school\``);
    await queryRunner.query(`DROP TABLE \`outbox\``);
    await queryRunner.query(`DROP TABLE \`appointment_participant\``);
    await queryRunner.query(`DROP TABLE \`appointment\``);
  }
}
