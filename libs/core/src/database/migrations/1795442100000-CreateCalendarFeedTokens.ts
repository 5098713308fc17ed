import { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal calendar feeds: one token (kept as an HMAC) per person, for subscribing in a calendar app. */
export class CreateCalendarFeedTokens1795442100000 implements MigrationInterface {
  name = 'CreateCalendarFeedTokens1795442100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`calendar_feed_token\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`token_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`last_used_at\` datetime(3) NULL,
                UNIQUE INDEX \`uq_calendar_feed_token_person\` (\`person_id\`),
                UNIQUE INDEX \`uq_calendar_feed_token_hash\` (\`token_hash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            ALTER TABLE \`calendar_feed_token\`
            ADD CONSTRAINT \`fk_calendar_feed_token_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`calendar_feed_token\` DROP FOREIGN KEY \`fk_calendar_feed_token_person\`
        `);
    await queryRunner.query(`
            DROP TABLE \`calendar_feed_token\`
        `);
  }
}
