import { useLang } from '../i18n';

/**
 * The texts of the observation-form admin pages (FormsAdminPages) and the intervision attendance
 * (IntervisionAttendance), kept apart from the shared dictionaries. Typed the same way: a missing
 * English string does not compile.
 */
const nl = {
  formsTitle: 'Kijkwijzers',
  formsIntro: 'De observatieformulieren die observatoren bij een klassenbezoek invullen.',
  noForms: 'Nog geen kijkwijzers.',
  formName: 'Naam',
  domainsCount: 'Domeinen',
  itemsCount: 'Items',
  isDefault: 'standaard',
  view: 'Bekijken',
  scale: 'Schaal',
  scaleValue: 'Waarde',
  scaleLabel: 'Omschrijving',
  domains: 'Domeinen en items',
  newForm: 'Nieuwe kijkwijzer',
  newFormIntro:
    'Een kijkwijzer heeft een schaal (2 tot 10 stappen, van laag naar hoog) en één of meer domeinen met items. Een kijkwijzer wijzigen of uitzetten kan (nog) niet.',
  scaleStep: 'Omschrijving bij waarde {n}',
  addScaleStep: 'Stap toevoegen',
  removeScaleStep: 'Laatste stap verwijderen',
  domain: 'Domein {n}',
  domainTitle: 'Titel van domein {n}',
  item: 'Item {m} van domein {n}',
  addItem: 'Item toevoegen aan domein {n}',
  removeItem: 'Item {m} van domein {n} verwijderen',
  addDomain: 'Domein toevoegen',
  removeDomain: 'Domein {n} verwijderen',
  saveForm: 'Kijkwijzer opslaan',
  formSaved: 'Kijkwijzer “{name}” is opgeslagen.',
  backToForms: 'Alle kijkwijzers',
  attendance: 'Aanwezigheid',
  attendanceOf: 'Aanwezigheid op {date}',
  attendanceSummary: '{present} aanwezig, {excused} afgemeld, {absent} afwezig, {open} niet ingevuld',
  status: { present: 'Aanwezig', excused: 'Afgemeld', absent: 'Afwezig' },
  saveAttendance: 'Aanwezigheid opslaan',
  attendanceSaved: 'Aanwezigheid opgeslagen.',
  noInvitees: 'Niemand uitgenodigd.',
};

type FormsText = typeof nl;

const en: FormsText = {
  formsTitle: 'Observation forms',
  formsIntro: 'The forms observers fill in during a classroom visit.',
  noForms: 'No observation forms yet.',
  formName: 'Name',
  domainsCount: 'Domains',
  itemsCount: 'Items',
  isDefault: 'default',
  view: 'View',
  scale: 'Scale',
  scaleValue: 'Value',
  scaleLabel: 'Description',
  domains: 'Domains and items',
  newForm: 'New observation form',
  newFormIntro:
    'A form has a scale (2 to 10 steps, from low to high) and one or more domains with items. Changing or deactivating a form is not possible (yet).',
  scaleStep: 'Description of value {n}',
  addScaleStep: 'Add a step',
  removeScaleStep: 'Remove the last step',
  domain: 'Domain {n}',
  domainTitle: 'Title of domain {n}',
  item: 'Item {m} of domain {n}',
  addItem: 'Add an item to domain {n}',
  removeItem: 'Remove item {m} of domain {n}',
  addDomain: 'Add a domain',
  removeDomain: 'Remove domain {n}',
  saveForm: 'Save the form',
  formSaved: 'Form “{name}” saved.',
  backToForms: 'All observation forms',
  attendance: 'Attendance',
  attendanceOf: 'Attendance on {date}',
  attendanceSummary: '{present} present, {excused} excused, {absent} absent, {open} not recorded',
  status: { present: 'Present', excused: 'Excused', absent: 'Absent' },
  saveAttendance: 'Save attendance',
  attendanceSaved: 'Attendance saved.',
  noInvitees: 'Nobody invited.',
};

export const formsTexts = { nl, en };

/** The texts of these pages in the chosen language, plus the shared dictionary and language. */
export function useFormsText() {
  const state = useLang();
  return { ...state, f: formsTexts[state.lang] };
}
