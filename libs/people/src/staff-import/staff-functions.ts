import { FUNCTIONS, type SchoolFunction } from '../persons/membership.entity';

/**
 * Function names as Dutch administration systems write them, per function of ours. The codes
 * themselves (`teacher`, `intern_begeleider`, ...) are accepted too.
 */
export const FUNCTION_NAMES: Readonly<Record<SchoolFunction, readonly string[]>> = {
  teacher: ['leerkracht', 'leraar', 'lerares', 'docent', 'docente', 'groepsleerkracht', 'vakleerkracht', 'leraar po'],
  starter: [
    'startende leerkracht',
    'startende leraar',
    'startende docent',
    'starter',
    'beginnende leerkracht',
    'beginnende leraar',
  ],
  trainee: [
    'student',
    'stagiair',
    'stagiaire',
    'stagiair(e)',
    'lio',
    'lio-stagiair',
    'lio stagiair',
    'leraar in opleiding',
    'pabo-student',
    'trainee',
  ],
  teaching_assistant: [
    'onderwijsassistent',
    'onderwijsassistente',
    'klassenassistent',
    'klassenassistente',
    'leraarondersteuner',
    'teaching assistant',
  ],
  director: [
    'directeur',
    'adjunct-directeur',
    'locatieleider',
    'locatiedirecteur',
    'schoolleider',
    'meerschoolse directeur',
    'director',
  ],
  werkbegeleider: ['werkbegeleider'],
  intern_begeleider: ['intern begeleider', 'interne begeleider', 'ib', "ib'er", 'iber', 'ib-er'],
  kwaliteitscoordinator: ['kwaliteitscoördinator', 'kwaliteitscoordinator', 'kc'],
  vakcoach: ['werkplekbegeleider', 'vakcoach', 'wpb'],
  schoolopleider: ['schoolopleider', 'opleider in de school', 'opleider in school'],
};

/**
 * Lower case, no accents, quotes and `(e)` gone, and salary scales dropped: AFAS writes
 * "Leraar LB" or "Leerkracht L11" where ParnasSys writes "Leerkracht".
 */
export function functionKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(e\)/g, '')
    .replace(/['’`]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .replace(/\s+(l[a-e]|l1[0-4])$/, '')
    .trim();
}

const FUNCTION_BY_KEY = new Map<string, SchoolFunction>();
for (const fn of FUNCTIONS) {
  for (const name of [fn, ...FUNCTION_NAMES[fn]]) {
    FUNCTION_BY_KEY.set(functionKey(name), fn);
  }
}

/** Our function for one name, or undefined when we do not know it. */
export function mapFunctionName(name: string): SchoolFunction | undefined {
  return FUNCTION_BY_KEY.get(functionKey(name));
}

/**
 * A cell may name several functions: "Leerkracht / IB'er", "leraar, kc", "leerkracht en ib".
 * A name that is known as a whole ("werkplekbegeleider/vakcoach") is not split.
 */
export function parseFunctions(cell: string): { functions: SchoolFunction[]; unknown: string[] } {
  const whole = mapFunctionName(cell);
  const names = whole
    ? [cell]
    : cell
        .split(/\s*(?:[,/+&|;]|\s\ben\b\s)\s*/i)
        .map((name) => name.trim())
        .filter(Boolean);
  const functions: SchoolFunction[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const fn = mapFunctionName(name);
    if (!fn) {
      unknown.push(name);
    } else if (!functions.includes(fn)) {
      functions.push(fn);
    }
  }
  return { functions, unknown };
}
