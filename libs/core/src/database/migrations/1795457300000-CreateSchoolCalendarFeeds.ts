import { MigrationInterface, QueryRunner } from 'typeorm';

/** A school's calendar feed URL (an .ics subscription the worker syncs) and its last sync's outcome. */
export class CreateSchoolCalendarFeeds1795457300000 implements MigrationInterface {
  name = 'CreateSchoolCalendarFeeds1795457300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`school_calendar_feed\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`school_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`url\` varchar(2000) NOT NULL,
                \`sync_requested_at\` datetime(3) NULL,
                \`last_sync_at\` datetime(3) NULL,
                \`last_sync_status\` varchar(8) NULL,
                \`last_sync_error\` varchar(500) NULL,
                \`last_success_at\` datetime(3) NULL,
                \`last_event_count\` int NULL,
                UNIQUE INDEX \`uq_school_calendar_feed_school\` (\`school_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            ALTER TABLE \`school_calendar_feed\`
            ADD CONSTRAINT \`fk_school_calendar_feed_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `school_calendar_feed` DROP FOREIGN KEY `fk_school_calendar_feed_school`');
    await queryRunner.query('DROP TABLE `school_calendar_feed`');
  }
}
