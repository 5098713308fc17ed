/**
 * Names for the demo staff: common Dutch names across generations, with the diacritics,
 * apostrophes and tussenvoegsels real staff lists have, plus a few international colleagues
 * (who get English as their language). The lists are data, so they are kept compact.
 */

export interface FamilyName {
  /** Tussenvoegsel ("van der"), '' when there is none. */
  prefix: string;
  name: string;
}

function withPrefix(prefix: string, names: readonly string[]): FamilyName[] {
  return names.map((name) => ({ prefix, name }));
}

// prettier-ignore
export const DUTCH_GIVEN_NAMES: readonly string[] = [
  'Anna', 'Anouk', 'Annemieke', 'Anne-Marie', 'Astrid', 'Ayşe', 'Bart', 'Bas', 'Bram', 'Carla',
  'Chantal', 'Daan', 'Daniëlle', 'Dennis', 'Dirk', 'Eline', 'Ellen', 'Els', 'Emma', 'Emre',
  'Esther', 'Eva', 'Fatima', 'Femke', 'Fleur', 'Floor', 'Frank', 'Geert', 'Gerrit', 'Hanneke',
  'Hans', 'Hatice', 'Henk', 'Ilse', 'Inge', 'Ingrid', 'Iris', 'Jan', 'Jan-Willem', 'Janneke',
  'Jasper', 'Jeroen', 'Jesse', 'Joke', 'Joost', 'Joris', 'Judith', 'Karin', 'Kees', 'Koen',
  'Lars', 'Lieke', 'Linda', 'Lisa', 'Lotte', 'Maaike', 'Manon', 'Marieke', 'Marjolein', 'Mark',
  'Marloes', 'Martijn', 'Merel', 'Michaël', 'Michiel', 'Mirjam', 'Mohamed', 'Monique', 'Naima', 'Niels',
  'Nienke', 'Noëlle', 'Noor', 'Patrick', 'Petra', 'Pieter', 'Renée', 'Ria', 'Rik', 'Rob',
  'Roos', 'Ruben', 'Ruud', 'Sander', 'Sanne', 'Sara', 'Sjoerd', 'Sophie', 'Stijn', 'Suzanne',
  'Teun', 'Thijs', 'Thomas', 'Tim', 'Wendy', 'Willem', 'Wouter', 'Yasmina', 'Youssef', 'Yvonne',
  'Zoë',
];

// prettier-ignore
export const DUTCH_FAMILY_NAMES: readonly FamilyName[] = [
  ...withPrefix('', [
    'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks',
    'Dekker', 'Brouwer', 'Dijkstra', 'Smits', 'Willems', 'Kok', 'Jacobs', 'Vermeulen', 'Schouten', 'Hoekstra',
    'Koster', 'Prins', 'Huisman', 'Kuipers', 'Verhoeven', 'Postma', 'Maas', 'Timmermans', 'Groen', 'Bosch',
    'Hermans', 'Kramer', 'Wouters', 'Verbeek', 'Schipper', 'Lammers', 'Verhagen', 'Martens', 'Sanders', 'Gerritsen',
    'Kuijpers', 'Verschuren', 'Hoogendoorn', 'Çelik', 'Yılmaz', 'Öztürk', 'Şahin', 'El Amrani', 'Bakkali', 'Kaya',
  ]),
  ...withPrefix('de', [
    'Jong', 'Vries', 'Boer', 'Groot', 'Bruijn', 'Graaf', 'Wit', 'Haan', 'Koning', 'Lange',
    'Ruiter', 'Leeuw', 'Rooij', 'Kort', 'Wilde',
  ]),
  ...withPrefix('van', [
    'Dijk', 'Leeuwen', 'Vliet', 'Dam', 'Beek', 'Wijk', 'Loon', 'Veen', 'Rijn', 'Es',
    'Velzen', 'Gils', 'Zanten', 'Schaik', 'Kessel', 'Tuijl',
  ]),
  ...withPrefix('van der', [
    'Berg', 'Linden', 'Meer', 'Heijden', 'Veen', 'Wal', 'Laan', 'Horst', 'Ploeg', 'Steen',
    'Velde', 'Zanden', 'Sluis',
  ]),
  ...withPrefix('van den', [
    'Berg', 'Bosch', 'Broek', 'Heuvel', 'Akker', 'Brink', 'Hoek', 'Oever', 'Bogaard', 'Eijnden',
    'Hurk',
  ]),
  ...withPrefix('van de', ['Ven', 'Wetering', 'Kamp', 'Pol', 'Laar', 'Sande']),
  ...withPrefix('ter', ['Horst', 'Haar', 'Beek', 'Steege', 'Maat']),
  ...withPrefix('ten', ['Brink', 'Cate', 'Hove']),
  ...withPrefix('den', ['Hartog', 'Ouden', 'Hollander']),
  ...withPrefix("van 't", ['Hof', 'Zand', 'Veer']),
  ...withPrefix("in 't", ['Veld', 'Hout']),
  ...withPrefix("'t", ['Hart', 'Hooft']),
];

// prettier-ignore
export const INTERNATIONAL_GIVEN_NAMES: readonly string[] = [
  'James', 'Sarah', 'Emily', 'Oliver', 'Chloe', 'Liam', 'Grace', 'Daniel', 'Hannah', 'Matthew',
  'Siobhán', 'Seán', 'Aoife', 'Claire', 'Jack', 'Lucía',
];

// prettier-ignore
export const INTERNATIONAL_FAMILY_NAMES: readonly FamilyName[] = withPrefix('', [
  'Smith', 'Murphy', "O'Brien", 'Walsh', 'Taylor', 'Clarke', 'MacLeod', 'Evans', 'Hughes', 'Robinson',
  "O'Connor", 'García', 'Müller',
]);
