import { MigrationInterface, QueryRunner } from 'typeorm';

/** School closures: holidays per region or for all of the Netherlands, public holidays, study days per school. */
export class CreateSchoolCalendar1795440100000 implements MigrationInterface {
  name = 'CreateSchoolCalendar1795440100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`closure\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`kind\` varchar(16) NOT NULL,
                \`name\` varchar(200) NOT NULL,
                \`start_date\` date NOT NULL,
                \`end_date\` date NOT NULL,
                \`scope\` varchar(8) NOT NULL,
                \`region\` varchar(6) NULL,
                \`school_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`school_year\` char(9) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`source\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`source_key\` varchar(320) COLLATE "utf8mb4_bin" NOT NULL,
                INDEX \`ix_closure_scope\` (\`scope\`, \`end_date\`),
                INDEX \`ix_closure_region\` (\`region\`, \`end_date\`),
                INDEX \`ix_closure_school\` (\`school_id\`, \`end_date\`),
                UNIQUE INDEX \`uq_closure_source\` (\`source\`, \`source_key\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            ALTER TABLE \`closure\`
            ADD CONSTRAINT \`fk_closure_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`closure\` DROP FOREIGN KEY \`fk_closure_school\`
        `);
    await queryRunner.query(`
            DROP TABLE \`closure\`
        `);
  }
}
