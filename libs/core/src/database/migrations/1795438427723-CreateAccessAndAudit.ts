import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccessAndAudit1795438427723 implements MigrationInterface {
  name = 'CreateAccessAndAudit1795438427723';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`login_link\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`token_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`expires_at\` datetime(3) NOT NULL,
                \`used_at\` datetime(3) NULL,
                INDEX \`ix_login_link_person\` (\`person_id\`, \`created_at\`),
                UNIQUE INDEX \`uq_login_link_token\` (\`token_hash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`auth_session\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`kind\` varchar(10) NOT NULL,
                \`method\` varchar(40) NOT NULL,
                \`secret_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`previous_secret_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`access_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`access_expires_at\` datetime(3) NULL,
                \`expires_at\` datetime(3) NOT NULL,
                \`last_seen_at\` datetime(3) NOT NULL,
                \`revoked_at\` datetime(3) NULL,
                INDEX \`ix_auth_session_person\` (\`person_id\`),
                INDEX \`ix_auth_session_previous\` (\`previous_secret_hash\`),
                UNIQUE INDEX \`uq_auth_session_access\` (\`access_hash\`),
                UNIQUE INDEX \`uq_auth_session_secret\` (\`secret_hash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`api_token\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                \`person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`name\` varchar(100) NOT NULL,
                \`token_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`scopes\` varchar(100) NOT NULL,
                \`expires_at\` datetime(3) NULL,
                \`last_used_at\` datetime(3) NULL,
                \`revoked_at\` datetime(3) NULL,
                INDEX \`ix_api_token_person\` (\`person_id\`),
                UNIQUE INDEX \`uq_api_token_hash\` (\`token_hash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
    await queryRunner.query(`
            CREATE TABLE \`audit_event\` (
                \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
                \`occurred_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`actor_person_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`action\` varchar(40) NOT NULL,
                \`entity_type\` varchar(40) NOT NULL,
                \`entity_id\` varchar(64) NULL,
                \`details\` json NULL,
                \`request_id\` varchar(100) NULL,
                INDEX \`ix_audit_event_entity\` (\`entity_type\`, \`entity_id\`, \`occurred_at\`),
                INDEX \`ix_audit_event_actor\` (\`actor_person_id\`, \`occurred_at\`),
                INDEX \`ix_audit_event_time\` (\`occurred_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ix_audit_event_time\` ON \`audit_event\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_audit_event_actor\` ON \`audit_event\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_audit_event_entity\` ON \`audit_event\`
        `);
    await queryRunner.query(`
            DROP TABLE \`audit_event\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_api_token_hash\` ON \`api_token\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_api_token_person\` ON \`api_token\`
        `);
    await queryRunner.query(`
            DROP TABLE \`api_token\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_auth_session_secret\` ON \`auth_session\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_auth_session_access\` ON \`auth_session\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_auth_session_previous\` ON \`auth_session\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_auth_session_person\` ON \`auth_session\`
        `);
    await queryRunner.query(`
            DROP TABLE \`auth_session\`
        `);
    await queryRunner.query(`
            DROP INDEX \`uq_login_link_token\` ON \`login_link\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_login_link_person\` ON \`login_link\`
        `);
    await queryRunner.query(`
            DROP TABLE \`login_link\`
        `);
  }
}
