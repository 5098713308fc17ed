import type { Problem } from '../api/client';
import { useLang } from '../i18n';

/**
 * The texts of the intervision actions (IntervisionPages, IntervisionAttendance): starting a
 * group, members joining and leaving, swapping case presenters, moving and cancelling one meeting,
 * the members' view of attendance; and the API's problem codes of those routes in words. Typed
 * like `i18n.tsx`: a missing English string does not compile.
 */
const nl = {
  newGroup: 'Nieuwe intervisiegroep starten',
  newGroupIntro: 'Jij begeleidt de groep. Leden voeg je daarna toe op de pagina van de groep.',
  newGroupIntroAdmin:
    'Kies wie de groep begeleidt (een coach). Leden voegt de begeleider daarna toe op de pagina van de groep.',
  facilitator: 'Begeleider',
  facilitatorYou: 'Jij begeleidt de groep, tenzij je hieronder een andere coach kiest.',
  facilitatorNone: 'Nog niemand gekozen: zoek hieronder een coach.',
  facilitatorChosen: 'Begeleider: {name}.',
  facilitatorMyself: 'Toch zelf begeleiden',
  facilitatorOther: 'Iemand anders kiezen',
  searchFacilitator: 'Zoek een begeleider (coach) op naam of e-mailadres',
  chooseFacilitator: '{name} kiezen als begeleider',
  noCoachFound: 'Geen coach gevonden.',
  groupName: 'Naam van de groep',
  method: 'Methodiek',
  school: 'School waar de groep samenkomt',
  noSchool: 'Geen school (alleen online)',
  room: 'Lokaal',
  onlineUrl: 'Online link (https://…)',
  schoolYear: 'Schooljaar',
  closurePolicy: 'Valt een bijeenkomst op een vrije dag van een school van een lid?',
  closurePolicies: { skip: 'Dan vervalt die bijeenkomst', shift: 'Dan schuift hij op naar de volgende schooldag' },
  startGroup: 'Groep starten',
  groupStarted: 'Groep “{name}” is gestart.',
  toGroup: 'Naar de groep',

  manageMembers: 'Leden toevoegen en verwijderen',
  manageMembersIntro:
    'Een nieuw lid krijgt een uitnodiging voor de komende bijeenkomsten; wie de groep verlaat, krijgt een afzegging voor de komende bijeenkomsten. Eerdere bijeenkomsten en de aanwezigheid blijven zoals ze waren.',
  removeMember: '{name} verwijderen',
  removeConfirm: '{name} uit de groep halen? {name} krijgt een afzegging voor de komende bijeenkomsten.',
  removeYes: 'Ja, verwijderen',
  removeNo: 'Nee',
  memberRemoved: '{name} is uit de groep gehaald; afgezegd voor {n} komende bijeenkomst(en).',
  searchPerson: 'Zoek een collega op naam of e-mailadres',
  search: 'Zoeken',
  noPeopleFound: 'Niemand gevonden die je kunt toevoegen.',
  addMember: '{name} toevoegen',
  memberAdded: '{name} is toegevoegd en uitgenodigd voor {n} komende bijeenkomst(en).',
  addedClashes: 'Let op: dit botst met de agenda van {name} op {dates}.',

  swapTitle: 'Inbrengers ruilen',
  swapIntro: 'Twee bijeenkomsten wisselen van inbrenger. Beide inbrengers krijgen een gewijzigde uitnodiging.',
  swapFirst: 'Eerste bijeenkomst',
  swapSecond: 'Tweede bijeenkomst',
  swapOption: '{date} ({presenter})',
  noPresenter: 'nog geen inbrenger',
  swap: 'Ruilen',
  swapped: 'Geruild. {first}: {firstName}. {second}: {secondName}.',
  swapNeedsTwo: 'Er zijn minstens twee geplande bijeenkomsten nodig om te ruilen.',

  changeMeeting: 'Verplaatsen of annuleren',
  moveTitle: 'Deze bijeenkomst verplaatsen',
  moveIntro: 'Alleen deze bijeenkomst verandert; de leden krijgen een gewijzigde uitnodiging.',
  date: 'Nieuwe datum',
  start: 'Nieuwe begintijd',
  end: 'Nieuwe eindtijd',
  move: 'Verplaatsen',
  moved: 'Verplaatst naar {date}, {time}.',
  movedClashes: 'Let op: de nieuwe tijd botst met de agenda van {names}.',
  cancelMeeting: 'Deze bijeenkomst annuleren',
  cancelConfirm: 'De bijeenkomst van {date} annuleren? Alle leden krijgen een afzegging.',
  cancelYes: 'Ja, annuleren',
  cancelNo: 'Nee',
  cancelled: 'De bijeenkomst van {date} is geannuleerd.',

  attendanceTitle: 'Aanwezigheid',
  attendanceIntro: 'Per bijeenkomst die heeft plaatsgevonden, zoals de begeleider die heeft ingevuld.',
  noHeldMeetings: 'Er heeft nog geen bijeenkomst plaatsgevonden.',
  attendanceOf: 'Aanwezigheid op {date}',
  member: 'Lid',
  status: 'Aanwezigheid',
  statuses: { present: 'Aanwezig', excused: 'Afgemeld', absent: 'Afwezig', open: 'Niet ingevuld' },
  you: '{name} (jij)',

  problems: {
    already_member: 'Deze persoon is al lid van de groep.',
    group_full: 'De groep is vol: een groep heeft hoogstens acht leden.',
    facilitator_is_member: 'De begeleider kan niet ook lid van de groep zijn.',
    not_staff: 'Alleen actieve medewerkers van een school van de stichting kunnen lid worden.',
    school_closed: 'Op die dag is een school van een van de leden dicht (vakantie, studiedag of weekend).',
    stale_version: 'De bijeenkomst is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
    meeting_cancelled: 'Deze bijeenkomst is geannuleerd.',
    not_a_member: 'De inbrenger moet lid van de groep zijn.',
    no_members: 'De groep heeft geen leden.',
    double_booked: 'Je hebt op dat moment al een andere afspraak.',
    outside_working_hours: 'Dat valt buiten je werktijden.',
    travel_time: 'Er is te weinig reistijd tussen je afspraken.',
    too_short_notice: 'Dat is te kort van tevoren.',
    in_the_past: 'Dat moment ligt in het verleden.',
    unknown_method: 'Kies een methodiek uit de lijst.',
    unknown_school: 'Die school bestaat niet.',
    facilitator_not_coach: 'Alleen een begeleider (coach) kan een groep begeleiden.',
    no_facilitator: 'Kies eerst wie de groep begeleidt.',
    too_few_members: 'Er zijn minstens drie leden nodig om bijeenkomsten te plannen.',
    series_exists: 'De groep heeft al een reeks bijeenkomsten.',
    no_series: 'De groep heeft nog geen reeks bijeenkomsten.',
    from_in_the_past: 'Kies een datum vanaf vandaag: eerdere bijeenkomsten blijven zoals ze waren.',
    not_invited: 'Aanwezigheid vul je alleen in voor uitgenodigde leden.',
    meeting_not_started: 'Vóór de bijeenkomst kun je alleen ‘afgemeld’ invullen.',
    validation_failed: 'Niet alles is goed ingevuld: {fields}.',
    forbidden: 'Dat mag alleen de begeleider van de groep.',
    not_found: 'Niet gevonden, of je hebt er geen toegang toe.',
    unauthenticated: 'Je bent niet (meer) ingelogd.',
    rate_limited: 'Even te veel tegelijk. Probeer het zo nog eens.',
  },
  problemOther: 'Dat lukte niet ({code}).',
};

type IntervisionText = typeof nl;

const en: IntervisionText = {
  newGroup: 'Start a new intervision group',
  newGroupIntro: 'You facilitate the group. Add its members afterwards on the group’s page.',
  newGroupIntroAdmin:
    'Choose who facilitates the group (a coach). The facilitator adds its members afterwards on the group’s page.',
  facilitator: 'Facilitator',
  facilitatorYou: 'You facilitate the group, unless you choose another coach below.',
  facilitatorNone: 'Nobody chosen yet: search a coach below.',
  facilitatorChosen: 'Facilitator: {name}.',
  facilitatorMyself: 'Facilitate it myself after all',
  facilitatorOther: 'Choose someone else',
  searchFacilitator: 'Search a facilitator (coach) by name or email address',
  chooseFacilitator: 'Choose {name} as facilitator',
  noCoachFound: 'No coach found.',
  groupName: 'Name of the group',
  method: 'Method',
  school: 'School where the group meets',
  noSchool: 'No school (online only)',
  room: 'Room',
  onlineUrl: 'Online link (https://…)',
  schoolYear: 'School year',
  closurePolicy: 'If a meeting falls on a day off at a member’s school?',
  closurePolicies: { skip: 'That meeting is skipped', shift: 'It moves to the next school day' },
  startGroup: 'Start the group',
  groupStarted: 'Group “{name}” has started.',
  toGroup: 'Go to the group',

  manageMembers: 'Add and remove members',
  manageMembersIntro:
    'A new member is invited to the upcoming meetings; someone who leaves gets a cancellation for the upcoming meetings. Earlier meetings and attendance stay as they were.',
  removeMember: 'Remove {name}',
  removeConfirm: 'Remove {name} from the group? {name} gets a cancellation for the upcoming meetings.',
  removeYes: 'Yes, remove',
  removeNo: 'No',
  memberRemoved: '{name} has left the group; cancelled for {n} upcoming meeting(s).',
  searchPerson: 'Search a colleague by name or email address',
  search: 'Search',
  noPeopleFound: 'Nobody found whom you can add.',
  addMember: 'Add {name}',
  memberAdded: '{name} was added and invited to {n} upcoming meeting(s).',
  addedClashes: 'Note: this clashes with {name}’s calendar on {dates}.',

  swapTitle: 'Swap case presenters',
  swapIntro: 'Two meetings swap their case presenters. Both presenters get an updated invitation.',
  swapFirst: 'First meeting',
  swapSecond: 'Second meeting',
  swapOption: '{date} ({presenter})',
  noPresenter: 'no case presenter yet',
  swap: 'Swap',
  swapped: 'Swapped. {first}: {firstName}. {second}: {secondName}.',
  swapNeedsTwo: 'Swapping needs at least two planned meetings.',

  changeMeeting: 'Move or cancel',
  moveTitle: 'Move this meeting',
  moveIntro: 'Only this meeting changes; the members get an updated invitation.',
  date: 'New date',
  start: 'New start time',
  end: 'New end time',
  move: 'Move',
  moved: 'Moved to {date}, {time}.',
  movedClashes: 'Note: the new time clashes with the calendar of {names}.',
  cancelMeeting: 'Cancel this meeting',
  cancelConfirm: 'Cancel the meeting of {date}? Every member gets a cancellation.',
  cancelYes: 'Yes, cancel',
  cancelNo: 'No',
  cancelled: 'The meeting of {date} is cancelled.',

  attendanceTitle: 'Attendance',
  attendanceIntro: 'Per meeting that has taken place, as the facilitator recorded it.',
  noHeldMeetings: 'No meeting has taken place yet.',
  attendanceOf: 'Attendance on {date}',
  member: 'Member',
  status: 'Attendance',
  statuses: { present: 'Present', excused: 'Excused', absent: 'Absent', open: 'Not recorded' },
  you: '{name} (you)',

  problems: {
    already_member: 'This person is a member already.',
    group_full: 'The group is full: a group has at most eight members.',
    facilitator_is_member: 'The facilitator cannot also be a member.',
    not_staff: 'Only active staff of a school of the foundation can become members.',
    school_closed: 'A member’s school is closed that day (holiday, study day or weekend).',
    stale_version: 'The meeting has changed in the meantime. Reload the page and try again.',
    meeting_cancelled: 'This meeting is cancelled.',
    not_a_member: 'The case presenter must be a member of the group.',
    no_members: 'The group has no members.',
    double_booked: 'You have another appointment at that time.',
    outside_working_hours: 'That is outside your working hours.',
    travel_time: 'There is too little travel time between your appointments.',
    too_short_notice: 'That is too short notice.',
    in_the_past: 'That time has passed.',
    unknown_method: 'Choose a method from the list.',
    unknown_school: 'That school does not exist.',
    facilitator_not_coach: 'Only a coach can facilitate a group.',
    no_facilitator: 'First choose who facilitates the group.',
    too_few_members: 'Planning meetings needs at least three members.',
    series_exists: 'The group has a series of meetings already.',
    no_series: 'The group has no series of meetings yet.',
    from_in_the_past: 'Choose a date from today on: earlier meetings stay as they were.',
    not_invited: 'Attendance is recorded for invited members only.',
    meeting_not_started: 'Before the meeting, only ‘excused’ can be recorded.',
    validation_failed: 'Not everything is filled in correctly: {fields}.',
    forbidden: 'Only the group’s facilitator may do that.',
    not_found: 'Not found, or you have no access to it.',
    unauthenticated: 'You are not signed in (any more).',
    rate_limited: 'Too much at once. Try again in a moment.',
  },
  problemOther: 'That did not work ({code}).',
};

export const intervisionTexts = { nl, en };

/** The texts of these pages in the chosen language, plus the shared dictionary and language. */
export function useIntervisionText() {
  const state = useLang();
  return { ...state, iv: intervisionTexts[state.lang] };
}

type ProblemWithFields = Problem & { errors?: Array<{ field?: string }> };

/** A problem+json answer of the intervision routes in the reader's words (the code, not the English detail). */
export function problemText(problem: Problem, iv: IntervisionText): string {
  const known = iv.problems[problem.code as keyof IntervisionText['problems']];
  if (!known) {
    return iv.problemOther.replace('{code}', problem.code);
  }
  const fields = ((problem as ProblemWithFields).errors ?? []).map((error) => error.field).filter(Boolean);
  return known.replace('{fields}', fields.join(', ') || '—');
}
