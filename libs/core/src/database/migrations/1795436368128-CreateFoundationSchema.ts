import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundationSchema1795436368128 implements MigrationInterface {
  name = 'CreateFoundationSchema1795436368128';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`mail_message\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`dedupe_key\` varchar(191) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`kind\` varchar(40) NOT NULL,
                \`recipient_person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`to_address\` varchar(254) NOT NULL,
                \`subject\` varchar(500) NOT NULL,
                \`body_text\` mediumtext NOT NULL,
                \`body_html\` mediumtext NULL,
                \`ics\` mediumtext NULL,
                \`ics_method\` varchar(10) NULL,
                \`status\` varchar(10) NOT NULL DEFAULT 'queued',
                \`attempts\` int UNSIGNED NOT NULL DEFAULT '0',
                \`claimed_until\` datetime(3) NULL,
                \`sent_at\` datetime(3) NULL,
                \`last_error\` varchar(1000) NULL,
                \`message_id\` varchar(255) NOT NULL,
                INDEX \`ix_mail_message_status\` (\`status\`, \`updated_at\`),
                UNIQUE INDEX \`uq_mail_message_dedupe\` (\`dedupe_key\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`foundation\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`name\` varchar(200) NOT NULL,
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`school\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`name\` varchar(200) NOT NULL,
                \`brin\` char(4) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL,
                \`vestiging\` varchar(2) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL DEFAULT '',
                \`sector\` varchar(3) NOT NULL,
                \`holiday_region\` varchar(6) NOT NULL,
                \`street\` varchar(200) NOT NULL DEFAULT '',
                \`postal_code\` varchar(7) NOT NULL DEFAULT '',
                \`city\` varchar(100) NOT NULL DEFAULT '',
                UNIQUE INDEX \`uq_school_brin\` (\`brin\`, \`vestiging\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`person\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`given_name\` varchar(100) NOT NULL,
                \`family_name_prefix\` varchar(30) NOT NULL DEFAULT '',
                \`family_name\` varchar(100) NOT NULL,
                \`email\` varchar(254) NOT NULL,
                \`language\` varchar(2) NOT NULL DEFAULT 'nl',
                \`is_admin\` tinyint NOT NULL DEFAULT 0,
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`line_manager_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                INDEX \`ix_person_family_name\` (\`family_name\`, \`given_name\`),
                UNIQUE INDEX \`uq_person_email\` (\`email\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`school_membership\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`school_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`function\` varchar(32) NOT NULL,
                INDEX \`ix_membership_school\` (\`school_id\`, \`function\`),
                UNIQUE INDEX \`uq_membership\` (\`person_id\`, \`school_id\`, \`function\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            ALTER TABLE \`person\`
            ADD CONSTRAINT \`fk_person_line_manager\` FOREIGN KEY (\`line_manager_id\`) REFERENCES \`person\`(\`id\`) ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`school_membership\`
            ADD CONSTRAINT \`fk_membership_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`school_membership\`
            ADD CONSTRAINT \`fk_membership_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`school_membership\` DROP FOREIGN KEY \`fk_membership_school\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`school_membership\` DROP FOREIGN KEY \`fk_membership_person\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`person\` DROP FOREIGN KEY \`fk_person_line_manager\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_membership\` ON \`school_membership\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_membership_school\` ON \`school_membership\`
        `);
    await queryRunner.query(`
            DROP TABLE \`school_membership\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_person_email\` ON \`person\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_person_family_name\` ON \`person\`
        `);
    await queryRunner.query(`
            DROP TABLE \`person\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_school_brin\` ON \`school\`
        `);
    await queryRunner.query(`
            DROP TABLE \`school\`
        `);
    await queryRunner.query(`
            DROP TABLE \`foundation\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_mail_message_dedupe\` ON \`mail_message\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_mail_message_status\` ON \`mail_message\`
        `);
    await queryRunner.query(`
            DROP TABLE \`mail_message\`
        `);
  }
}
