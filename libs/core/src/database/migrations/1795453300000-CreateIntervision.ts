import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'char(36) CHARACTER SET "ascii" COLLATE "ascii_bin"';
const ASCII = 'CHARACTER SET "ascii" COLLATE "ascii_bin"';
const STAMPS = `
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),`;
const TABLE_OPTIONS = 'ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci';
const FK = 'ON UPDATE NO ACTION';

/** The intervision methods to start with; admins extend the list (intervision_method). */
const METHODS: Array<[string, string, string]> = [
  ['5d8e3b20-0001-4000-8000-000000000001', 'incident', 'Incidentmethode'],
  ['5d8e3b20-0001-4000-8000-000000000002', 'gossip', 'Roddelmethode'],
  ['5d8e3b20-0001-4000-8000-000000000003', 'balint', 'Balintmethode'],
  ['5d8e3b20-0001-4000-8000-000000000004', 'topoi', 'TOPOI'],
  ['5d8e3b20-0001-4000-8000-000000000005', 'reflecting_team', 'Reflecterend team'],
  ['5d8e3b20-0001-4000-8000-000000000006', 'ten_steps', '10-stappenmodel'],
];

/** Intervision groups, their members over time, series (RRULE), meetings (one appointment each) and attendance. */
export class CreateIntervision1795453300000 implements MigrationInterface {
  name = 'CreateIntervision1795453300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`intervision_method\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`code\` varchar(60) ${ASCII} NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`sort_order\` int NOT NULL DEFAULT 0,
                UNIQUE INDEX \`uq_intervision_method_code\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`intervision_group\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`name\` varchar(200) NOT NULL,
                \`facilitator_person_id\` ${ID} NOT NULL,
                \`method_id\` ${ID} NOT NULL,
                \`school_id\` ${ID} NULL,
                \`room\` varchar(100) NOT NULL DEFAULT '',
                \`online_url\` varchar(500) NULL,
                \`school_year\` char(9) ${ASCII} NOT NULL,
                \`closure_policy\` varchar(5) ${ASCII} NOT NULL,
                INDEX \`ix_intervision_group_facilitator\` (\`facilitator_person_id\`),
                INDEX \`ix_intervision_group_year\` (\`school_year\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_intervision_group_facilitator\` FOREIGN KEY (\`facilitator_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ${FK},
                CONSTRAINT \`fk_intervision_group_method\` FOREIGN KEY (\`method_id\`) REFERENCES \`intervision_method\`(\`id\`) ON DELETE RESTRICT ${FK},
                CONSTRAINT \`fk_intervision_group_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ${FK}
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`intervision_member\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`group_id\` ${ID} NOT NULL,
                \`person_id\` ${ID} NOT NULL,
                \`joined_at\` datetime(3) NOT NULL,
                \`left_at\` datetime(3) NULL,
                INDEX \`ix_intervision_member_group\` (\`group_id\`, \`left_at\`),
                INDEX \`ix_intervision_member_person\` (\`person_id\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_intervision_member_group\` FOREIGN KEY (\`group_id\`) REFERENCES \`intervision_group\`(\`id\`) ON DELETE CASCADE ${FK},
                CONSTRAINT \`fk_intervision_member_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ${FK}
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`intervision_series\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`group_id\` ${ID} NOT NULL,
                \`rrule\` varchar(500) ${ASCII} NOT NULL,
                \`start_time\` char(5) ${ASCII} NOT NULL,
                \`duration_minutes\` smallint UNSIGNED NOT NULL,
                \`starts_on\` date NOT NULL,
                \`until\` date NOT NULL,
                \`zone\` varchar(64) ${ASCII} NOT NULL DEFAULT 'Europe/Amsterdam',
                \`ended_from\` date NULL,
                \`skipped_dates\` json NOT NULL,
                INDEX \`ix_intervision_series_group\` (\`group_id\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_intervision_series_group\` FOREIGN KEY (\`group_id\`) REFERENCES \`intervision_group\`(\`id\`) ON DELETE CASCADE ${FK}
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`intervision_meeting\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`group_id\` ${ID} NOT NULL,
                \`series_id\` ${ID} NULL,
                \`occurrence_date\` date NOT NULL,
                \`original_date\` date NULL,
                \`appointment_id\` ${ID} NOT NULL,
                \`status\` varchar(10) ${ASCII} NOT NULL DEFAULT 'planned',
                \`case_presenter_person_id\` ${ID} NULL,
                UNIQUE INDEX \`uq_intervision_meeting_appointment\` (\`appointment_id\`),
                INDEX \`ix_intervision_meeting_group\` (\`group_id\`, \`occurrence_date\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_intervision_meeting_group\` FOREIGN KEY (\`group_id\`) REFERENCES \`intervision_group\`(\`id\`) ON DELETE CASCADE ${FK},
                CONSTRAINT \`fk_intervision_meeting_series\` FOREIGN KEY (\`series_id\`) REFERENCES \`intervision_series\`(\`id\`) ON DELETE SET NULL ${FK},
                CONSTRAINT \`fk_intervision_meeting_appointment\` FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointment\`(\`id\`) ON DELETE RESTRICT ${FK},
                CONSTRAINT \`fk_intervision_meeting_presenter\` FOREIGN KEY (\`case_presenter_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ${FK}
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`intervision_attendance\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`meeting_id\` ${ID} NOT NULL,
                \`person_id\` ${ID} NOT NULL,
                \`status\` varchar(10) ${ASCII} NOT NULL,
                UNIQUE INDEX \`uq_intervision_attendance\` (\`meeting_id\`, \`person_id\`),
                INDEX \`ix_intervision_attendance_person\` (\`person_id\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_intervision_attendance_meeting\` FOREIGN KEY (\`meeting_id\`) REFERENCES \`intervision_meeting\`(\`id\`) ON DELETE CASCADE ${FK},
                CONSTRAINT \`fk_intervision_attendance_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ${FK}
            ) ${TABLE_OPTIONS}
        `);
    for (const [index, [id, code, name]] of METHODS.entries()) {
      await queryRunner.query(
        'INSERT INTO `intervision_method` (`id`, `code`, `name`, `active`, `sort_order`) VALUES (?, ?, ?, 1, ?)',
        [id, code, name, index + 1],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'intervision_attendance',
      'intervision_meeting',
      'intervision_series',
      'intervision_member',
      'intervision_group',
      'intervision_method',
    ]) {
      await queryRunner.query(`DROP TABLE \`${table}\``);
    }
  }
}
