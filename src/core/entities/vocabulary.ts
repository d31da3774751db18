// The words that tell names apart: titles before a person, heads of organisations and places,
// particles and connectors inside names, and the cues around them.

export const TITLES = new Set(
  (
    'president secretary minister prime chancellor senator sen rep representative governor gov mayor general gen ' +
    'colonel col lieutenant lt sergeant sgt admiral adm captain capt commander dr mr mrs ms miss judge justice chief ' +
    'director spokesman spokeswoman spokesperson king queen prince princess pope sheriff officer coach ceo chairman ' +
    'chairwoman ambassador envoy deputy vice foreign defense defence interior finance state attorney actor actress ' +
    'singer star rapper producer detective inspector professor prof pastor rev father sir lord lady pm'
  ).split(' '),
);

export const ORG_WORDS = new Set(
  (
    'group department ministry union council organization organisation agency party university company inc corp ' +
    'bank committee commission force forces army navy court news times post association institute initiative ' +
    'administration office service services authority fund foundation league federation alliance coalition ' +
    'command corps police guard network center centre club team board bureau house senate congress parliament ' +
    // Heads of company, event and institution names, which otherwise read as a first name and surname.
    'ltd llc plc co church act press conference hospital school college academy theatre theater hotel ' +
    'films foods entertainment advisors financial recovery program programme division unit society survey ' +
    'series awards games playoffs courthouse museum stadium arena airport station reporter journal channel ' +
    // Works and facilities named by their kind last ("Kraft Plant", "Cook County Jail"), not a person's surname.
    'plant factory refinery warehouse depot prison jail laboratory'
  ).split(' '),
);

export const PLACE_WORDS = new Set(
  (
    'city county state province region river island islands sea ocean bay lake mountain mountains valley hill ' +
    'street road avenue square park beach coast gulf mount mt fort glacier village heights gardens boulevard blvd ' +
    'peninsula strait canal harbor harbour desert district hut lodge cabin campsite saddle ' +
    // Heads of the land's shapes (rule `geographic-head`): "Grand Canyon", "Niagara Falls", "Brooks Range".
    'range ranges canyon creek falls plateau basin gorge volcano lagoon reef rapids highlands plains ' +
    'archipelago atoll fjord estuary ' +
    // Roads, malls and resorts named by their kind last: "Yawkey Way", "Snyder Ave", "Lenox Mall".
    'way ave plaza mall pass springs riviera'
  ).split(' '),
);

// Particles inside people's names; any other connector ("Gulf of Aden", "Defenders of Wildlife") makes
// the run a place or a body, never a person.
export const NAME_PARTICLES = new Set(['de', 'al', 'bin', 'van', 'von', 'la', 'le', 'du']);

// Words before a name that make it a place: "in Bloomington", "near Dargahan".
export const PLACE_CUES = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout']);
// Words right after a name that make it a place: "the Diamond Bar resident", "a Troy native".
export const PLACE_CUES_AFTER = new Set([
  'resident',
  'residents',
  'native',
  'natives',
  'area',
  'neighborhood',
  'neighbourhood',
  'suburb',
  'township',
]);

export const DAY_AND_MONTH_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(
    ' ',
  ),
);

// First words of place names that would otherwise read as a person's first name: "North Korea".
export const PLACE_PREFIXES = new Set([
  'north',
  'south',
  'east',
  'west',
  'new',
  'united',
  'saudi',
  'san',
  'los',
  'las',
  'sri',
  'hong',
  // Spanish heads of the land's shapes, written first (rule `geographic-head`): "Sierra Nevada" (a
  // mountain range), "Costa Rica", "Puerto Rico", "Cerro Gordo", "Isla Vista", "Lago Agrio".
  'sierra',
  'cordillera',
  'costa',
  'puerto',
  'isla',
  'cerro',
  'lago',
  'bahia',
  // …and other first words of places that no given name takes: "Santa Monica", "Rancho Mirage", "Ras Al
  // Khaimah", "Point MacKenzie".
  'santa',
  'rancho',
  'ras',
  'point',
  // Streets and squares named first by their kind: "Place Vendome", "Rue de Castiglione".
  'place',
  'rue',
  'plaza',
  'piazza',
  'via',
]);

export const PLACE_ABBREVIATIONS = new Map([
  ['Mt', 'Mount'],
  ['Ft', 'Fort'],
]);

export const CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'the',
  'de',
  'al',
  'bin',
  'van',
  'von',
  'la',
  'le',
  'du',
]);
export const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
