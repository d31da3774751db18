// The table of counting-noun synonym classes: which head nouns count the same kind of thing in news
// text, so that "57 countries" and "54 nations", "30,000 troops" and "20,000 soldiers" are one fact
// told in two outlets' words. Singular forms; a class is named after its first, commonest word.
// Read by `unitClassOf` (src/core/units.ts: exact singular lookup) and `countedNounClass`
// (src/core/counted-nouns.ts: the same lookup after a Porter stem, for inflected forms).
// Add a word only when news uses it to count the same things as its class; a word that counts a
// wider or narrower set (casualties = killed + wounded; "deaths" are not "casualties") is its own class.

export const COUNTED_NOUN_GROUPS: Record<string, string[]> = {
  country: ['country', 'nation', 'partner', 'member', 'ally', 'member state', 'signatory', 'government'],
  troop: [
    'troop',
    'soldier',
    'force',
    'personnel',
    'serviceman',
    'servicemember',
    'marine',
    'sailor',
    'reservist',
    'conscript',
    'recruit',
    'service member',
  ],
  death: ['death', 'fatality', 'dead', 'body', 'life', 'die', 'died', 'killed'],
  injury: ['injury', 'injured', 'wounded', 'hurt'],
  // Casualties are killed and wounded together; a shooting's or an attack's victims are those it hit.
  casualty: ['casualty', 'victim'],
  person: [
    'people',
    'person',
    'individual',
    'resident',
    'civilian',
    'citizen',
    'inhabitant',
    'man',
    'woman',
    'adult',
    'participant',
    // "nine crew" is the crew's members, as "nine crew members" is.
    'crew',
    // "wounded 80 others": the rest of a group of people.
    'other',
  ],
  child: ['child', 'kid', 'minor', 'boy', 'girl', 'student', 'pupil', 'infant', 'baby'],
  passenger: ['passenger', 'traveler', 'traveller'],
  building: ['home', 'house', 'building', 'structure', 'dwelling', 'residence'],
  aid: ['aid', 'assistance', 'funding', 'fund', 'support', 'help', 'relief'],
  vote: ['vote', 'ballot'],
  ton: ['ton', 'tonne'],
  // Abbreviations glued to the figure ("200m", "15kg") count what the word counts.
  kilometer: ['kilometer', 'kilometre', 'km'],
  mile: ['mile', 'mi'],
  meter: ['meter', 'metre', 'm'],
  foot: ['foot', 'ft'],
  kilogram: ['kilogram', 'kilo', 'kg'],
  pound: ['pound', 'lb'],
  // What a sum is offered or agreed as: one deal, whichever word an outlet uses for it.
  offer: ['offer', 'contract', 'deal', 'bid', 'proposal'],
  magnitude: ['magnitude', 'richter'],
  // Session 16 (counted-noun synonyms): words outlets use for one set of people or things.
  officer: ['officer', 'policeman', 'policewoman', 'cop', 'police officer', 'patrolman'],
  worker: ['worker', 'employee', 'staffer'],
  hostage: ['hostage', 'captive'],
  prisoner: ['prisoner', 'inmate', 'detainee'],
  firefighter: ['firefighter', 'fireman', 'fire fighter'],
  gun: ['gun', 'firearm'],
  ship: ['ship', 'vessel'],
  shop: ['shop', 'store'],
  plane: ['plane', 'airplane', 'aircraft', 'airliner', 'jetliner'],
};
