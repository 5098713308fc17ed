import { useLang } from '../i18n';

/**
 * The texts of the person picker (PersonPicker.tsx) and of the line manager on the admin's person
 * editor, kept apart from i18n.tsx and manage-i18n.ts. Typed the same way: a missing English
 * string does not compile.
 */
const nl = {
  search: 'Zoeken',
  searchHint: 'Typ een deel van de naam of het e-mailadres (minstens 2 tekens) en kies Zoeken of Enter.',
  tooShort: 'Typ minstens 2 tekens.',
  found: '{n} gevonden. Kies hieronder.',
  foundOne: '1 gevonden. Kies hieronder.',
  noneFound: 'Niemand gevonden.',
  results: 'Zoekresultaten',
  lineManager: 'Leidinggevende',
  noLineManager: 'Geen leidinggevende vastgelegd (dan gelden de directeuren van de school).',
  searchLineManager: 'Zoek een leidinggevende (naam of e-mail)',
  chooseLineManager: '{name} kiezen als leidinggevende',
  removeLineManager: 'Leidinggevende weghalen',
  lineManagerSaved: 'Leidinggevende van {person}: {name}.',
  lineManagerRemoved: '{person} heeft geen leidinggevende meer.',
};

const en: typeof nl = {
  search: 'Search',
  searchHint: 'Type part of the name or email address (at least 2 characters) and choose Search or press Enter.',
  tooShort: 'Type at least 2 characters.',
  found: '{n} found. Choose below.',
  foundOne: '1 found. Choose below.',
  noneFound: 'Nobody found.',
  results: 'Search results',
  lineManager: 'Line manager',
  noLineManager: 'No line manager recorded (the school’s directors count as such).',
  searchLineManager: 'Search a line manager (name or email)',
  chooseLineManager: 'Choose {name} as line manager',
  removeLineManager: 'Remove the line manager',
  lineManagerSaved: 'Line manager of {person}: {name}.',
  lineManagerRemoved: '{person} no longer has a line manager.',
};

export const pickerTexts = { nl, en };

export function usePickerText() {
  const state = useLang();
  return { ...state, pp: pickerTexts[state.lang] };
}
