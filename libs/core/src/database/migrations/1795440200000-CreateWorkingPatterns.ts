import { MigrationInterface, QueryRunner } from 'typeorm';

/** Weekly working hours per person (wall-clock blocks per weekday) and one-off unavailability (UTC instants). */
export class CreateWorkingPatterns1795440200000 implements MigrationInterface {
  name = 'CreateWorkingPatterns1795440200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`working_pattern\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`zone\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'Europe/Amsterdam',
                UNIQUE INDEX \`uq_working_pattern_person\` (\`person_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`working_pattern_block\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`pattern_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`weekday\` tinyint UNSIGNED NOT NULL,
                \`start_time\` time NOT NULL,
                \`end_time\` time NOT NULL,
                INDEX \`ix_working_pattern_block_pattern\` (\`pattern_id\`, \`weekday\`, \`start_time\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`unavailability\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`starts_at\` datetime(3) NOT NULL,
                \`ends_at\` datetime(3) NOT NULL,
                \`zone\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'Europe/Amsterdam',
                \`reason\` varchar(200) NOT NULL DEFAULT '',
                INDEX \`ix_unavailability_person\` (\`person_id\`, \`starts_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            ALTER TABLE \`working_pattern\`
            ADD CONSTRAINT \`fk_working_pattern_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`working_pattern_block\`
            ADD CONSTRAINT \`fk_working_pattern_block_pattern\` FOREIGN KEY (\`pattern_id\`) REFERENCES \`working_pattern\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE \`unavailability\`
            ADD CONSTRAINT \`fk_unavailability_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`unavailability\` DROP FOREIGN KEY \`fk_unavailability_person\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`working_pattern_block\` DROP FOREIGN KEY \`fk_working_pattern_block_pattern\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`working_pattern\` DROP FOREIGN KEY \`fk_working_pattern_person\`
        `);
    await queryRunner.query(`
            DROP TABLE \`unavailability\`
        `);
    await queryRunner.query(`
            DROP TABLE \`working_pattern_block\`
        `);
    await queryRunner.query(`
            DROP TABLE \`working_pattern\`
        `);
  }
}
