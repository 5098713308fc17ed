import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'char(36) CHARACTER SET "ascii" COLLATE "ascii_bin"';
const STAMPS = `
                \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),`;
const TABLE_OPTIONS = 'ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci';

const METHODS: Array<[string, string, string]> = [
  ['4c7d2a10-0001-4000-8000-000000000001', 'solution_focused', 'Oplossingsgericht coachen'],
  ['4c7d2a10-0001-4000-8000-000000000002', 'video_interaction', 'Video-interactiebegeleiding / beeldcoaching'],
  ['4c7d2a10-0001-4000-8000-000000000003', 'co_teaching', 'Co-teaching'],
  ['4c7d2a10-0001-4000-8000-000000000004', 'grow', 'GROW'],
  ['4c7d2a10-0001-4000-8000-000000000005', 'intervision_style', 'Intervisie-achtig'],
];

const DEFAULT_FORM_ID = '4c7d2a10-0002-4000-8000-000000000001';
const DEFAULT_SCALE = [
  { value: 1, label: 'Nog niet zichtbaar' },
  { value: 2, label: 'Soms zichtbaar' },
  { value: 3, label: 'Meestal zichtbaar' },
  { value: 4, label: 'Sterk en consequent zichtbaar' },
];
/** The shipped lesson-observation form: six domains, in our own words. */
const DEFAULT_DOMAINS = [
  {
    key: 'climate',
    title: 'Veilig en stimulerend klimaat',
    items: [
      { key: 'climate.respect', text: 'De leraar gaat warm en respectvol om met de leerlingen.' },
      { key: 'climate.mistakes', text: 'Leerlingen durven fouten te maken en vragen te stellen.' },
      { key: 'climate.encourage', text: 'De leraar benoemt wat goed gaat en moedigt aan.' },
    ],
  },
  {
    key: 'management',
    title: 'Doelmatig klassenmanagement',
    items: [
      { key: 'management.start', text: 'De les begint op tijd en verloopt ordelijk.' },
      { key: 'management.transitions', text: 'Wisselingen tussen lesdelen gaan vlot en rustig.' },
      { key: 'management.time', text: 'Materialen liggen klaar; de leertijd wordt goed benut.' },
    ],
  },
  {
    key: 'instruction',
    title: 'Duidelijke instructie',
    items: [
      { key: 'instruction.goal', text: 'De leraar maakt aan het begin duidelijk wat de leerlingen gaan leren.' },
      { key: 'instruction.steps', text: 'De uitleg is helder en in kleine stappen opgebouwd.' },
      { key: 'instruction.check', text: 'De leraar gaat na of de leerlingen de uitleg hebben begrepen.' },
    ],
  },
  {
    key: 'activating',
    title: 'Activerende lesaanpak',
    items: [
      { key: 'activating.involved', text: 'Alle leerlingen doen actief mee, niet alleen de snelle.' },
      { key: 'activating.questions', text: 'De leraar stelt vragen die aan het denken zetten.' },
      { key: 'activating.together', text: 'Leerlingen werken samen en leren van elkaar.' },
    ],
  },
  {
    key: 'differentiation',
    title: 'Afstemmen op verschillen',
    items: [
      { key: 'differentiation.pace', text: 'De leraar houdt rekening met verschillen in tempo en niveau.' },
      { key: 'differentiation.support', text: 'Wie meer nodig heeft, krijgt verlengde instructie of extra oefening.' },
      { key: 'differentiation.challenge', text: 'Wie verder is, krijgt passende uitdaging.' },
    ],
  },
  {
    key: 'strategies',
    title: 'Leren leren: leerstrategieën',
    items: [
      { key: 'strategies.model', text: 'De leraar doet hardop voor hoe je een taak aanpakt.' },
      { key: 'strategies.reflect', text: 'Leerlingen kijken terug op hoe ze gewerkt hebben.' },
      { key: 'strategies.transfer', text: 'Leerlingen passen het geleerde toe in een nieuwe situatie.' },
    ],
  },
];

/**
 * Coaching: the method list (seeded), trajectories and their sessions (with encrypted notes),
 * observation forms (with the default lesson-observation form), classroom visits and observations.
 */
export class CreateCoaching1795452400000 implements MigrationInterface {
  name = 'CreateCoaching1795452400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`coaching_method\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`code\` varchar(60) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`sort_order\` int NOT NULL DEFAULT 0,
                UNIQUE INDEX \`uq_coaching_method_code\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`coaching_trajectory\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`coach_person_id\` ${ID} NOT NULL,
                \`coachee_person_id\` ${ID} NOT NULL,
                \`school_id\` ${ID} NOT NULL,
                \`coaching_question\` text NOT NULL,
                \`goals\` text NOT NULL,
                \`method_id\` ${ID} NOT NULL,
                \`planned_sessions\` smallint UNSIGNED NOT NULL,
                \`start_date\` date NOT NULL,
                \`status\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'requested',
                \`closing_evaluation\` text NULL,
                \`closed_at\` datetime(3) NULL,
                INDEX \`ix_coaching_trajectory_coach\` (\`coach_person_id\`, \`status\`),
                INDEX \`ix_coaching_trajectory_coachee\` (\`coachee_person_id\`, \`status\`),
                INDEX \`ix_coaching_trajectory_school\` (\`school_id\`, \`status\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_coaching_trajectory_coach\` FOREIGN KEY (\`coach_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_coaching_trajectory_coachee\` FOREIGN KEY (\`coachee_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_coaching_trajectory_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_coaching_trajectory_method\` FOREIGN KEY (\`method_id\`) REFERENCES \`coaching_method\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`coaching_session\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`trajectory_id\` ${ID} NOT NULL,
                \`appointment_id\` ${ID} NOT NULL,
                \`status\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'planned',
                \`cancelled_by_person_id\` ${ID} NULL,
                \`cancel_reason\` varchar(500) NULL,
                \`cancelled_at\` datetime(3) NULL,
                \`note_ciphertext\` mediumtext CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`note_key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`shared_agreements\` text NULL,
                UNIQUE INDEX \`uq_coaching_session_appointment\` (\`appointment_id\`),
                INDEX \`ix_coaching_session_trajectory\` (\`trajectory_id\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_coaching_session_trajectory\` FOREIGN KEY (\`trajectory_id\`) REFERENCES \`coaching_trajectory\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT \`fk_coaching_session_appointment\` FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointment\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`observation_form\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`name\` varchar(200) NOT NULL,
                \`is_default\` tinyint NOT NULL DEFAULT 0,
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`scale\` json NOT NULL,
                \`domains\` json NOT NULL,
                PRIMARY KEY (\`id\`)
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`classroom_visit\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`observer_person_id\` ${ID} NOT NULL,
                \`teacher_person_id\` ${ID} NOT NULL,
                \`school_id\` ${ID} NOT NULL,
                \`group_name\` varchar(60) NOT NULL,
                \`assessment\` tinyint NOT NULL DEFAULT 0,
                \`form_id\` ${ID} NOT NULL,
                \`pre_appointment_id\` ${ID} NOT NULL,
                \`visit_appointment_id\` ${ID} NOT NULL,
                \`debrief_appointment_id\` ${ID} NOT NULL,
                \`status\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'planned',
                \`debrief_held_at\` datetime(3) NULL,
                INDEX \`ix_classroom_visit_teacher\` (\`teacher_person_id\`),
                INDEX \`ix_classroom_visit_observer\` (\`observer_person_id\`),
                INDEX \`ix_classroom_visit_school\` (\`school_id\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_classroom_visit_observer\` FOREIGN KEY (\`observer_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_classroom_visit_teacher\` FOREIGN KEY (\`teacher_person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_classroom_visit_school\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_classroom_visit_form\` FOREIGN KEY (\`form_id\`) REFERENCES \`observation_form\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_classroom_visit_pre_appointment\` FOREIGN KEY (\`pre_appointment_id\`) REFERENCES \`appointment\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_classroom_visit_visit_appointment\` FOREIGN KEY (\`visit_appointment_id\`) REFERENCES \`appointment\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT \`fk_classroom_visit_debrief_appointment\` FOREIGN KEY (\`debrief_appointment_id\`) REFERENCES \`appointment\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION
            ) ${TABLE_OPTIONS}
        `);
    await queryRunner.query(`
            CREATE TABLE \`observation\` (
                \`id\` ${ID} NOT NULL,${STAMPS}
                \`visit_id\` ${ID} NOT NULL,
                \`answers\` json NOT NULL,
                \`overall_comment\` text NULL,
                UNIQUE INDEX \`uq_observation_visit\` (\`visit_id\`),
                PRIMARY KEY (\`id\`),
                CONSTRAINT \`fk_observation_visit\` FOREIGN KEY (\`visit_id\`) REFERENCES \`classroom_visit\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
            ) ${TABLE_OPTIONS}
        `);
    for (const [index, [id, code, name]] of METHODS.entries()) {
      await queryRunner.query(
        'INSERT INTO `coaching_method` (`id`, `code`, `name`, `active`, `sort_order`) VALUES (?, ?, ?, 1, ?)',
        [id, code, name, index + 1],
      );
    }
    await queryRunner.query(
      'INSERT INTO `observation_form` (`id`, `name`, `is_default`, `active`, `scale`, `domains`) VALUES (?, ?, 1, 1, ?, ?)',
      [DEFAULT_FORM_ID, 'Lesobservatie (standaard)', JSON.stringify(DEFAULT_SCALE), JSON.stringify(DEFAULT_DOMAINS)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'observation',
      'classroom_visit',
      'observation_form',
      'coaching_session',
      'coaching_trajectory',
      'coaching_method',
    ]) {
      await queryRunner.query(`DROP TABLE \`${table}\``);
    }
  }
}
