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
    'Een kijkwijzer heeft een schaal (2 tot 10 stappen, van laag naar hoog) en één of meer domeinen met items.',
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
  formStatus: 'Status',
  active: 'actief',
  inactive: 'uitgezet',
  usedTag: 'gebruikt bij klassenbezoeken',
  editForm: 'Kijkwijzer wijzigen',
  editFormIntro: 'Nog geen klassenbezoek gebruikt deze kijkwijzer: je kunt alles wijzigen, ook de schaal en de items.',
  usedNote:
    'Deze kijkwijzer is al gebruikt bij klassenbezoeken. Alleen de naam kan nog veranderen, zodat opgeslagen observaties hun betekenis houden. Wil je items of de schaal aanpassen? Maak dan een nieuwe kijkwijzer (een nieuwe versie) en zet deze uit.',
  saveChanges: 'Wijzigingen opslaan',
  formUpdated: 'De wijzigingen aan “{name}” zijn opgeslagen.',
  deactivateTitle: 'Uitzetten',
  deactivateIntro:
    'Een uitgezette kijkwijzer kan niet meer worden gekozen voor nieuwe klassenbezoeken. Observaties die er al mee zijn gedaan, blijven gewoon te lezen.',
  deactivate: 'Kijkwijzer uitzetten',
  reactivate: 'Kijkwijzer weer in gebruik nemen',
  deactivated: '“{name}” is uitgezet.',
  reactivated: '“{name}” is weer in gebruik.',
  defaultCannotDeactivate:
    'De standaardkijkwijzer kan niet worden uitgezet: klassenbezoeken zonder gekozen kijkwijzer gebruiken hem.',
  fixFields: 'Controleer het volgende:',
  fieldLabels: { name: 'Naam', scale: 'Schaal', domains: 'Domeinen en items', active: 'Status' } as Record<
    string,
    string
  >,
  fieldHints: {
    name: 'vul 1 tot 200 tekens in.',
    scale: 'elke stap heeft een eigen omschrijving (2 tot 10 stappen).',
    domains: 'elk domein heeft een titel en minstens één item.',
  } as Record<string, string>,
  invalidField: 'deze waarde klopt niet.',
  problemCodes: {
    form_in_use:
      'Deze kijkwijzer is al gebruikt bij klassenbezoeken; de schaal en de items kunnen niet meer veranderen. Maak een nieuwe kijkwijzer en zet deze uit.',
    default_form: 'De standaardkijkwijzer kan niet worden uitgezet.',
  } as Record<string, string>,
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
  newFormIntro: 'A form has a scale (2 to 10 steps, from low to high) and one or more domains with items.',
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
  formStatus: 'Status',
  active: 'active',
  inactive: 'deactivated',
  usedTag: 'used in classroom visits',
  editForm: 'Change the form',
  editFormIntro: 'No classroom visit uses this form yet: you can change everything, the scale and items too.',
  usedNote:
    'This form has been used in classroom visits. Only its name can still change, so stored observations keep their meaning. To change items or the scale, add a new form (a new version) and deactivate this one.',
  saveChanges: 'Save changes',
  formUpdated: 'The changes to “{name}” have been saved.',
  deactivateTitle: 'Deactivate',
  deactivateIntro:
    'A deactivated form can no longer be chosen for new classroom visits. Observations already made with it can still be read.',
  deactivate: 'Deactivate the form',
  reactivate: 'Use the form again',
  deactivated: '“{name}” has been deactivated.',
  reactivated: '“{name}” is in use again.',
  defaultCannotDeactivate: 'The default form cannot be deactivated: visits without a chosen form use it.',
  fixFields: 'Please check:',
  fieldLabels: { name: 'Name', scale: 'Scale', domains: 'Domains and items', active: 'Status' },
  fieldHints: {
    name: 'enter 1 to 200 characters.',
    scale: 'every step has its own description (2 to 10 steps).',
    domains: 'every domain has a title and at least one item.',
  },
  invalidField: 'this value is not valid.',
  problemCodes: {
    form_in_use:
      'This form has been used in classroom visits; its scale and items can no longer change. Add a new form and deactivate this one.',
    default_form: 'The default form cannot be deactivated.',
  },
};

export const formsTexts = { nl, en };

/** The texts of these pages in the chosen language, plus the shared dictionary and language. */
export function useFormsText() {
  const state = useLang();
  return { ...state, f: formsTexts[state.lang] };
}
