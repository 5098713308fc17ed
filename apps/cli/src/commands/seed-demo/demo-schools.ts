import type { HolidayRegion, SchoolFunction, Sector } from '@leerkring/people';

export interface DemoSchool {
  brin: string;
  vestiging: string;
  name: string;
  sector: Sector;
  holidayRegion: HolidayRegion;
  street: string;
  postalCode: string;
  city: string;
}

/** A school and how many staff it has besides its director and the coaches. */
export interface DemoSchoolPlan extends DemoSchool {
  staff: number;
}

/**
 * The demo foundation's schools: around Utrecht (vakantieregio midden) and around
 * 's-Hertogenbosch (zuid). Special education (SBO, SO, VSO) has bigger teams, with more
 * teaching assistants. BRIN codes are made up.
 */
// prettier-ignore
export const DEMO_SCHOOLS: readonly DemoSchoolPlan[] = [
  { brin: '07QX', vestiging: '', name: 'obs De Regenboog', sector: 'PO', holidayRegion: 'middle', street: 'Marnixlaan 12', postalCode: '3552 HB', city: 'Utrecht', staff: 55 },
  { brin: '12KT', vestiging: '', name: 'cbs De Fontein', sector: 'PO', holidayRegion: 'middle', street: 'Merweplein 3', postalCode: '3431 BK', city: 'Nieuwegein', staff: 44 },
  { brin: '18MN', vestiging: '01', name: 'obs Het Klavertje', sector: 'PO', holidayRegion: 'middle', street: 'Onderdoor 28', postalCode: '3995 DW', city: 'Houten', staff: 38 },
  { brin: '03PB', vestiging: '', name: 'SBO De Wissel', sector: 'SBO', holidayRegion: 'middle', street: 'Kanaalweg 41', postalCode: '3526 KL', city: 'Utrecht', staff: 36 },
  { brin: '21HZ', vestiging: '', name: 'Mytylschool De Brug', sector: 'SO', holidayRegion: 'middle', street: 'Tiberdreef 6', postalCode: '3561 GG', city: 'Utrecht', staff: 58 },
  { brin: '25DF', vestiging: '', name: 'VSO Het Baken', sector: 'VSO', holidayRegion: 'middle', street: 'Achtersloot 10', postalCode: '3401 NR', city: 'IJsselstein', staff: 57 },
  { brin: '09AR', vestiging: '', name: 'bs De Vlonder', sector: 'PO', holidayRegion: 'south', street: 'Zuidwal 55', postalCode: '5211 JK', city: "'s-Hertogenbosch", staff: 52 },
  { brin: '14GE', vestiging: '01', name: 'kbs Sint Jozef', sector: 'PO', holidayRegion: 'south', street: 'Taalstraat 140', postalCode: '5261 BH', city: 'Vught', staff: 47 },
  { brin: '16LW', vestiging: '', name: 'bs Het Palet', sector: 'PO', holidayRegion: 'south', street: 'Molenstraat 22', postalCode: '5341 GE', city: 'Oss', staff: 41 },
  { brin: '05SV', vestiging: '', name: 'SBO De Sprong', sector: 'SBO', holidayRegion: 'south', street: 'Graafseweg 210', postalCode: '5213 AR', city: "'s-Hertogenbosch", staff: 39 },
  { brin: '27JC', vestiging: '', name: 'Tyltylschool De Kameleon', sector: 'SO', holidayRegion: 'south', street: 'Oranje Nassaulaan 1', postalCode: '5211 AT', city: "'s-Hertogenbosch", staff: 51 },
  { brin: '29NY', vestiging: '', name: 'VSO De Maaskant', sector: 'VSO', holidayRegion: 'south', street: 'Kruisstraat 8', postalCode: '5341 JA', city: 'Oss', staff: 53 },
];

/** The 15 coaches: which function each has, at which schools (BRIN codes). Most stay in their region. */
// prettier-ignore
export const DEMO_COACHES: ReadonlyArray<{ function: SchoolFunction; schools: readonly string[] }> = [
  // One intern begeleider per school; four of them serve two small schools.
  { function: 'intern_begeleider', schools: ['07QX', '12KT'] },
  { function: 'intern_begeleider', schools: ['18MN'] },
  { function: 'intern_begeleider', schools: ['03PB'] },
  { function: 'intern_begeleider', schools: ['21HZ', '25DF'] },
  { function: 'intern_begeleider', schools: ['09AR', '14GE'] },
  { function: 'intern_begeleider', schools: ['16LW'] },
  { function: 'intern_begeleider', schools: ['05SV'] },
  { function: 'intern_begeleider', schools: ['27JC', '29NY'] },
  { function: 'werkbegeleider', schools: ['07QX', '12KT', '18MN'] },
  { function: 'werkbegeleider', schools: ['03PB', '21HZ', '25DF'] },
  { function: 'werkbegeleider', schools: ['09AR', '14GE', '16LW'] },
  { function: 'kwaliteitscoordinator', schools: ['07QX', '03PB', '21HZ'] },
  { function: 'kwaliteitscoordinator', schools: ['09AR', '05SV', '27JC'] },
  { function: 'vakcoach', schools: ['16LW', '29NY'] },
  // The schoolopleider runs the foundation's opleidingsschool, in both regions.
  { function: 'schoolopleider', schools: ['07QX', '18MN', '09AR'] },
];

/** Share of a school's staff (besides director and coaches) per function; the rest are teachers. */
export const STAFF_MIX: Readonly<Record<Sector, { starter: number; trainee: number; teaching_assistant: number }>> = {
  PO: { starter: 0.08, trainee: 0.08, teaching_assistant: 0.1 },
  SBO: { starter: 0.06, trainee: 0.06, teaching_assistant: 0.15 },
  SO: { starter: 0.05, trainee: 0.05, teaching_assistant: 0.3 },
  VSO: { starter: 0.06, trainee: 0.06, teaching_assistant: 0.25 },
  VO: { starter: 0.08, trainee: 0.06, teaching_assistant: 0.05 },
};
