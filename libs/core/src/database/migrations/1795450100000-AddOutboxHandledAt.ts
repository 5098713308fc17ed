import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox.handled_at`: set when the row's notify job has run, so the housekeeping sweep can tell
 * a row whose job Redis lost (relayed, never handled, no job) and relay it again. Rows relayed
 * before this column existed count as handled.
 */
export class AddOutboxHandledAt1795450100000 implements MigrationInterface {
  name = 'AddOutboxHandledAt1795450100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`outbox\`
            ADD \`handled_at\` datetime(3) NULL
        `);
    await queryRunner.query(`
            UPDATE \`outbox\` SET \`handled_at\` = \`relayed_at\` WHERE \`relayed_at\` IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_outbox_unhandled\` ON \`outbox\` (\`handled_at\`, \`relayed_at\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ix_outbox_unhandled\` ON \`outbox\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`outbox\` DROP COLUMN \`handled_at\`
        `);
  }
}
