import type { SchoolCode } from './staff-row';

export interface SchoolRef {
  id: string;
  brin: string;
  /** '' for the main location. */
  vestiging: string;
}

/** `12AB` or `12AB01`: how a school is named in files, reports and messages. */
export function schoolCodeOf(school: Pick<SchoolRef, 'brin' | 'vestiging'>): string {
  return `${school.brin.toUpperCase()}${school.vestiging}`;
}

/**
 * The foundation's schools by BRIN code. A code without vestiging means the main location, or
 * the only location that BRIN has; vestiging `00` (DUO's number for the main location) also
 * finds a school stored without vestiging.
 */
export class SchoolDirectory {
  private readonly byBrin = new Map<string, SchoolRef[]>();

  constructor(schools: readonly SchoolRef[]) {
    for (const school of schools) {
      const brin = school.brin.toUpperCase();
      this.byBrin.set(brin, [...(this.byBrin.get(brin) ?? []), school]);
    }
  }

  resolve(code: SchoolCode): { school: SchoolRef } | { error: string } {
    const locations = this.byBrin.get(code.brin.toUpperCase()) ?? [];
    const shown = `${code.brin}${code.vestiging ?? ''}`;
    if (locations.length === 0) {
      return { error: `unknown school ${shown}: no school with BRIN ${code.brin}` };
    }
    const find = (vestiging: string) => locations.find((school) => school.vestiging === vestiging);
    if (code.vestiging !== undefined) {
      const school = find(code.vestiging) ?? (code.vestiging === '00' ? find('') : undefined);
      return school
        ? { school }
        : {
            error: `unknown school ${shown}: BRIN ${code.brin} has vestiging ${locations.map(describeVestiging).join(', ')}`,
          };
    }
    const main = find('') ?? (locations.length === 1 ? locations[0] : undefined);
    return main
      ? { school: main }
      : {
          error: `school ${shown} has several vestigingen (${locations.map(describeVestiging).join(', ')}); give the vestiging, e.g. ${shown}${locations[0].vestiging}`,
        };
  }
}

function describeVestiging(school: SchoolRef): string {
  return school.vestiging === '' ? '(main)' : school.vestiging;
}
