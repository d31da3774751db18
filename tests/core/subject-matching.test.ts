// Whose figure a claim states (a person's age, a speaker's, a list's) and whether two reports speak of
// one subject (names, protagonists, spokesmen, reporters, headlines) before their figures are compared.
// Each test is a short made-up pair of reports.
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { differentSubject } from '../../src/core/crossref';
import { links, quantities } from '../helpers/core';

const conflicts = (docs: Record<string, string>) =>
  links(docs)
    .filter((l) => l.relation === 'conflict')
    .map((l) => `${l.explanation.a?.text} / ${l.explanation.b?.text}`);

describe('an age belongs to a person, not to an event', () => {
  // Reports of one shooting written on different days: the shooting on Saturday, the vigil on Wednesday.
  const shooting = (age: number) =>
    [
      'Police officers shot Kimani Gray in Brooklyn on Saturday night.',
      `The ${age}-year-old Kimani Gray died at Kings County Hospital, police said.`,
    ].join('\n');
  const vigil = (age: number) =>
    [
      'Hundreds joined a vigil in East Flatbush on Wednesday.',
      `Mourners remembered ${age}-year-old Kimani (Kiki) Gray, who was shot by police.`,
    ].join('\n');

  it('compares the ages of one named person across reports dated by different weekdays', () => {
    expect(conflicts({ a: shooting(16), b: vigil(11) })).toHaveLength(1);
    expect(conflicts({ a: shooting(16), b: vigil(16) })).toEqual([]);
  });

  it("compares one named person's ages past details one outlet alone gives, not past another event's actors", () => {
    // ECB+ 3_10ecbplus / 3_11ecbplus retold: one report dates the hold-up to November, the other never
    // names a month (time-never-named); both give Comeaux's age.
    const held = [
      'Texas authorities are searching for Arcade Joseph Comeaux, who escaped from a prison van near Baytown on Monday.',
      'Comeaux, 49, was in a wheelchair in November when he pulled a gun on two guards during a transfer from Huntsville to Beaumont.',
      'Comeaux is serving a life sentence for aggravated sexual assault, spokesman Jason Clark said.',
      'The guards were unhurt, Clark told the Houston Chronicle.',
    ].join('\n');
    const escaped = (line: string) =>
      [
        'Texas authorities are searching for Arcade Joseph Comeaux, who escaped from a prison van near Baytown on Monday.',
        line,
        'The Texas Department of Criminal Justice said Comeaux was convicted in 1998.',
        'Sheriff Randy Smith of Liberty County joined the search.',
      ].join('\n');
    const line = (age: number, rest: string) =>
      `Comeaux, ${age}, escaped from the van after he pulled a gun on ${rest}.`;
    expect(
      conflicts({ a: held, b: escaped(line(47, 'two officers driving him to a prison in Beaumont')) }),
    ).toEqual(['49 / 47']);
    expect(
      conflicts({ a: held, b: escaped(line(49, 'two officers driving him to a prison in Beaumont')) }),
    ).toEqual([]);
    // An age told beside an actor the other report never names is the person at another event: Klitschko
    // at 32 against Rahman, at 36 against Thompson (ECB+ 7_11ecb / 7_6ecbplus; absent-own-actors).
    expect(
      conflicts({
        a: held,
        b: escaped(line(47, 'Warden Lorie Davis and two officers driving him to Beaumont')).replace(
          'Sheriff Randy Smith of Liberty County joined the search.',
          'Davis ordered a review of every transfer.',
        ),
      }),
    ).toEqual([]);
  });

  it('takes an unnamed age across report days for the person both reports return to most', () => {
    const report = (day: string, age: number, detail: string) =>
      [
        `Riots spread across Athens on ${day}.`,
        `The killing of a ${age}-year-old boy by police ${detail}.`,
        'Athens police fired tear gas at students.',
        'Shops burned in central Athens.',
      ].join('\n');
    const a = report('Sunday', 15, 'unleashed a wave of unrest by students across the country');
    const b = report('Saturday', 20, 'triggered the riots that threaten the government');
    expect(conflicts({ a, b })).toEqual(['15-year-old / 20-year-old']);
  });

  it('reads an age no sentence gives a holder as the person both reports are about, unless its noun says otherwise', () => {
    const report = (line: string) =>
      [
        'Deputy Jerry Ortiz was shot on Friday.',
        'Jerry Ortiz joined the gang unit in 2001.',
        line,
        'Ortiz leaves a wife, Sheriff Lee Baca said.',
      ].join('\n');
    // The name is further from the age than the words around it that are compared.
    const a = report(
      "Ortiz's colleagues at the station on Main Street said the 35-year-old was proud of the job.",
    );
    expect(
      conflicts({
        a,
        b: report(
          "Ortiz's neighbours in the quiet cul-de-sac off Elm Road recall the 53-year-old deputy coaching football.",
        ),
      }),
    ).toEqual(['35-year-old / 53-year-old']);
    // A parolee and a deputy are two people, whoever the reports are about.
    const parolee = report(
      "Ortiz's neighbours in the quiet cul-de-sac off Elm Road saw a 27-year-old parolee hide.",
    );
    const deputy = report(
      "Ortiz's colleagues at the station on Main Street said the 35-year-old deputy was proud.",
    );
    expect(conflicts({ a: deputy, b: parolee })).toEqual([]);
  });

  it('keys a holder written by first name to the person, so both ages are one person', () => {
    const text = 'Police shot Tyrone Gray in Brooklyn.\nMourners remembered 11-year-old Tyrone (Ty) Gray.';
    const [age] = quantities(text).filter((q) => q.unitClass === 'age');
    // …and the given name its sentence writes (different-given-names).
    expect(age!.modifiers).toEqual(['who:gr', 'given:tyrone']);
  });

  it('still keeps apart the same weekday test for figures that are no ages', () => {
    const a =
      'Police officers shot Kimani Gray in Brooklyn on Saturday.\nPolice fired 11 shots at Kimani Gray.';
    const b = 'A vigil for Kimani Gray was held on Wednesday.\nPolice fired 7 shots at Kimani Gray.';
    expect(conflicts({ a, b })).toEqual([]);
  });

  it('reads the holder of an apposition, not a place or a day before the comma', () => {
    const holder = (text: string) =>
      quantities(text)
        .find((q) => q.unitClass === 'age')!
        .modifiers.filter((m) => m.startsWith('who:'));
    expect(holder('Subryan struck Raj Chohan, a 59-year-old grandmother, as she walked.')).toEqual([
      'who:chn',
    ]);
    expect(holder('In Queens, a 59-year-old woman died.')).toEqual([]);
    expect(holder('On Friday, a 59-year-old woman died.')).toEqual([]);
  });

  it("does not take another person's age in the other sentence for the named person's", () => {
    const a = shooting(16);
    const b = [
      'Hundreds joined a vigil in East Flatbush on Wednesday.',
      'Officer Mike Stone, 41, fired at Kimani Gray, police said.',
    ].join('\n');
    expect(conflicts({ a, b })).toEqual([]);
  });
});

describe('an age nobody holds', () => {
  it("is not the named person's when the sentence gives two ages", () => {
    const a =
      'Deputy Jerry Ortiz joined in 2001.\n"Jerry was 35 years old and had more drive than a 21-year-old," Lee said.';
    const b =
      'Deputy Jerry Ortiz joined in 2001.\nHundreds mourned with 17-year-old Jeremy Ortiz, his son, at the church.';
    expect(conflicts({ a, b })).toEqual([]);
  });
});

describe('one sentence told twice', () => {
  it('counts the figures it states alike as part of what it says', () => {
    const told = (n: number) =>
      `During the operation, six rifles, ${n} magazines and about 300 rounds of ammunition were found and confiscated.`;
    // Each report names an actor the other never mentions: only the retelling makes them one fact.
    const a = `The INS Mysore reached the Gulf of Aden on Friday.\nCaptain Raj Menon said the Mysore acted fast.\n${told(12)}\nThe Mysore returned to Mumbai.`;
    const b = `The Indian Navy reported the capture on Saturday.\nAdmiral Sureesh Mehta said the Navy acted fast.\n${told(18)}\nThe Navy ship went to Aden.`;
    expect(conflicts({ a, b })).toEqual(['12 magazines / 18 magazines']);
  });
});

describe('money', () => {
  it('scales a sum by a letter glued to it, and only a sum', () => {
    expect(quantities('The offer rose to $184M on Friday.')[0]!.value).toBe(184e6);
    expect(quantities('The thieves took £1.7m in gems.')[0]!.value).toBe(1.7e6);
    expect(quantities('He fell 200m down a gully.')[0]!.unitClass).toBe('meter');
  });

  it('does not take a participle or a word of payment for what a sum pays for', () => {
    expect(quantities('It is less than the $184 million reported by WCVB.')[0]!.unitClass).toBe('money:usd');
    expect(quantities('He was given $3 million upfront and a share.')[0]!.unitClass).toBe('money:usd');
    expect(quantities('A $988 million package was approved.')[0]!.unitClass).toBe('money:usd:package');
  });

  it('reads an offer, a contract and a deal as one thing offered', () => {
    expect(
      conflicts({
        a: 'The Nationals offered Mark Teixeira an eight-year, $160 million contract.',
        b: 'The Nationals made Teixeira an eight-year, $210 million offer.',
      }),
    ).toHaveLength(1);
  });
});

describe('a sentence whose names the other report never mentions', () => {
  const raid = [
    'Four robbers raided a jewellery store on Place Vendome in Paris on Monday.',
    'The thieves rammed an SUV into the store of Harry Winston, police said.',
    'Jewellery worth $160 million was taken from the Paris store.',
    'Interior Minister Michele Alliot-Marie visited the Vendome store.',
  ].join('\n');
  const other = [
    'Robbers raided a jewellery store on Place Vendome in Paris on Monday.',
    'The thieves rammed an SUV into the store of Harry Winston, police said.',
    'The raid comes weeks after a bandit made off with $136 million of jewellery from the Carlton Hotel in Cannes.',
    'Interior Minister Michele Alliot-Marie visited the Vendome store.',
  ].join('\n');

  it('is background told in passing, not the event the first report tells', () => {
    expect(conflicts({ a: raid, b: other })).toEqual([]);
  });

  it('still compares sentences when one name of them is known to the other report', () => {
    // Told as this raid's haul: "The raid comes weeks after …" would make it an earlier event's
    // (rule earlier-event, tests/core/frame.test.ts).
    const told = other.replace(
      'The raid comes weeks after a bandit made off with $136 million of jewellery from the Carlton Hotel in Cannes.',
      'A bandit made off with $136 million of jewellery from the Harry Winston store.',
    );
    expect(conflicts({ a: raid, b: told })).toHaveLength(1);
  });
});

describe('who speaks is not who the figure is about', () => {
  it('reads a name followed by "said" at the end of the sentence as a source', () => {
    const terms = extractArticle('The Navy seized 14 rifles from the boat, Manohar Nambiar said.').claims[0]!
      .terms;
    expect(terms).toContain('s:nmbr');
    const subject = extractArticle('Manohar Nambiar said he seized 14 rifles from the boat.').claims[0]!
      .terms;
    expect(subject).not.toContain('s:nmbr');
    // A body's statement or spokesperson between the name and the verb (ECB+ 12_12ecb / 12_13ecb).
    const statement = extractArticle(
      'The INS Mysore received a distress call saying two boats were closing in and firing, a Defence Ministry statement said.',
    ).claims[0]!.terms;
    expect(statement).toContain('s:dm');
    const spokesperson = extractArticle(
      'The pirates on two speed boats had surrounded the merchant vessel around noon, Navy spokesperson said.',
    ).claims[0]!.terms;
    expect(spokesperson).toContain('s:nv');
  });

  it('reads a body that opens its sentence by saying the rest as a source (`says-opening`)', () => {
    // ECB+ 11_4ecb and 20_8ecbplus: the figure is in what the commission or the agency says.
    const said = (s: string) => extractArticle(s).claims[0]!.terms;
    expect(said('The Central Election Commission said that turnout was almost 90 %.')).toContain('s:cec');
    expect(
      said(
        'The official IRNA news agency and the United States Geological Survey said it had a magnitude of 5.9.',
      ),
    ).toEqual(expect.arrayContaining(['s:irna', 's:usgs']));
    // What they say may be about themselves: "he", "they" keep the name a subject.
    expect(said('Manohar Nambiar said he seized 14 rifles from the boat.')).not.toContain('s:nmbr');
    expect(said('The Central Election Commission said they counted 90 % of the ballots.')).not.toContain(
      's:cec',
    );
    // A name that does not open the sentence as its sayer stays a subject.
    expect(said('Turnout was 90 % as the Central Election Commission said it would be.')).not.toContain(
      's:cec',
    );
  });

  it('reads journalists as sources, not actors (`journalists-are-sources`, ECB+ topic 10)', () => {
    const lynch = extractArticle(
      [
        'The Red Sox have made an eight - year offer to Teixeira in excess of $160 million, but sources close to the negotiations say it is less than the $184 million reported by Boston WCVB sportscaster Mike Lynch.',
        'Teixeira met the Red Sox owners on Thursday.',
      ].join(' '),
    ).claims[1]!;
    // The neighbour's journalist is no person around the claim.
    expect(lynch.contextTerms).not.toContain('p:lnch');
    const bloom = extractArticle(
      [
        'Earl Bloom of the Orange County Register heard Dan Patrick say it on his radio show.',
        'The Red Sox offered Mark Teixeira an eight - year, $200MM deal.',
      ].join(' '),
    ).claims.at(-1)!;
    expect(bloom.contextTerms).not.toContain('p:blm');
    expect(bloom.contextTerms).not.toContain('p:ptrck');
    // A person the article does not introduce as a journalist stays an actor.
    const met = extractArticle(
      'Earl Bloom met Dan Patrick at his radio show. The Red Sox offered Mark Teixeira an eight - year, $200MM deal.',
    ).claims.at(-1)!;
    expect(met.contextTerms).toEqual(expect.arrayContaining(['p:blm', 'p:ptrck']));
  });

  it('does not keep apart two sentences that cite different officials for one haul', () => {
    expect(
      conflicts({
        a: 'The Navy seized 14 rifles and 31 magazines from the pirate boat, Captain Manohar Nambiar said.',
        b: 'The Navy seized 11 rifles and 31 magazines from the pirate boat, said Commander Rahul Mehta.',
      }),
    ).toEqual(['14 rifles / 11 rifles']);
    // Two people who are what the sentences are about still set them apart.
    expect(
      conflicts({
        a: 'Captain Manohar Nambiar seized 14 rifles and 31 magazines from the pirate boat.',
        b: 'Commander Rahul Mehta seized 11 rifles and 31 magazines from the pirate boat.',
      }),
    ).toEqual([]);
  });
});

describe('a retelling that changes its figure', () => {
  it('is still a retelling: the disputed figure is no difference of wording', () => {
    // Each report names people around the sentence the other never does; only the retelling makes
    // the two sentences one fact. Six words and figures alike of eight, seven with the disputed one out.
    const a = [
      'Paul Smith led the Hawks on Friday.',
      'Coach Tony Reyes praised him in Atlanta.',
      'Smith is averaging 12.5 rebounds per game, Jones 9.1 rebounds, a drop of four rebounds per game from last season, sadly.',
      'Reyes spoke in Atlanta.',
      'The Hawks play Boston next.',
    ].join('\n');
    const b = [
      'Dan Jones scored late on Saturday.',
      'General manager Ed Stefanski watched in Camden.',
      'Smith is averaging 18.2 rebounds per game this season, but Jones is averaging just 9.1 rebounds per contest, a drop of four rebounds per game from last season.',
      'Stefanski spoke in Camden.',
      'The team flies to Denver next.',
    ].join('\n');
    expect(conflicts({ a, b })).toEqual(['12.5 rebounds per game / 18.2 rebounds per game']);
  });
});

describe('two more exact counts stated alike', () => {
  it('make one account of one haul, whatever actors the reports around them name', () => {
    const a = [
      'Captain Manohar Nambiar briefed reporters in Mumbai on Friday.',
      'Nambiar praised the crew of the INS Sukanya.',
      'The ship seized 14 rifles, 31 magazines and 923 rounds during its patrol.',
      'Nambiar said the Sukanya would stay in the Gulf of Aden.',
      'The Western Naval Command confirmed it.',
    ].join('\n');
    const b = [
      'Admiral Sureesh Mehta spoke in Delhi on Saturday.',
      'Mehta thanked the Indian Navy and the Defence Ministry.',
      'The ship has seized 11 rifles, 31 magazines and 923 rounds so far.',
      'Mehta said patrols by the Indian Navy would go on.',
      'The Coast Guard agreed.',
    ].join('\n');
    expect(conflicts({ a, b })).toEqual(['14 rifles / 11 rifles']);
  });
});

describe('a year named once', () => {
  it('is background, not the date of the report', () => {
    // The year sentences are further off than the neighbours a claim takes its context from.
    const a = [
      'The Nationals offered Mark Teixeira an eight-year contract worth $160 million on Tuesday.',
      'Teixeira played for the Angels.',
      'He hit well.',
      'The Angels won their division in 2008.',
    ].join('\n');
    const b = [
      'The Nationals offered Mark Teixeira an eight-year contract worth $210 million on Tuesday.',
      'Teixeira played for the Angels.',
      'He hit well.',
      'The Red Sox signed Mike Lowell after the 2007 World Series.',
    ].join('\n');
    expect(conflicts({ a, b })).toHaveLength(1);
  });
});

describe('nationals', () => {
  it('counts the nationality of "nationals" and "citizens", as a plural demonym does', () => {
    const qs = quantities('Commandos seized 9 Somali and 11 Yemeni nationals.');
    expect(qs.map((q) => q.unitClass)).toEqual(['somali', 'yemeni']);
    expect(quantities('Three British citizens were held.')[0]!.unitClass).toBe('british');
    expect(quantities('Eleven foreign nationals left.')[0]!.unitClass).toBe('national');
  });

  it('so a figure both reports state alike anchors them', () => {
    const claim = (id: string, text: string) => toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id);
    const a = claim('a', 'The apprehended included 12 Somalis and 11 Yemenis.');
    const b = claim('b', 'Commandos boarded the boat, seizing 9 Somali and 11 Yemeni nationals.');
    expect(differentSubject(a, b)).toBeNull();
  });
});

describe('rounded figures', () => {
  it('move a figure by at most 5 % (rule rounded-scale-word): "$3 million" is not "$2.5 million"', () => {
    expect(
      conflicts({
        a: 'Gary Ross was paid $3 million to write and direct The Hunger Games.',
        b: 'Gary Ross was paid $2.5 million to write and direct The Hunger Games.',
      }),
    ).toHaveLength(1);
    expect(
      conflicts({
        a: 'The judge set bail for Paul Kerr at $1 million on Friday.',
        b: 'The judge set bail for Paul Kerr at $500,000 on Friday.',
      }),
    ).toHaveLength(1);
  });

  it('stand for what rounds to them, so two different round figures never meet at a shared edge', () => {
    expect(
      conflicts({
        a: 'Gary Ross was paid $3 million to write and direct The Hunger Games.',
        b: 'Gary Ross was paid $2 million to write and direct The Hunger Games.',
      }),
    ).toHaveLength(1);
    expect(
      conflicts({
        a: 'Lionsgate said the Hunger Games franchise earned $1.2 billion worldwide.',
        b: 'Lionsgate said the Hunger Games franchise earned $1.3 billion worldwide.',
      }),
    ).toHaveLength(1);
  });

  it('still meet a figure inside them, and a bound stated with "more than" still touches', () => {
    expect(
      conflicts({
        a: 'Gary Ross was paid $3 million to write and direct The Hunger Games.',
        b: 'Gary Ross was paid $2.9 million to write and direct The Hunger Games.',
      }),
    ).toEqual([]);
    expect(
      conflicts({
        a: 'Judge Ann Hale sentenced Paul Kerr to more than 2.5 years in prison.',
        b: 'Judge Ann Hale sentenced Paul Kerr to 2.5 years in prison.',
      }),
    ).toEqual([]);
  });
});

describe('an open-ended bound answers no conflict', () => {
  it('"over $2.6 million" in one report does not cancel "$2.6 million" against "$3.9m"', () => {
    const a = [
      'Thieves in a $2.6 million raid on a Paris jewellery store fled on Monday.',
      'Four robbers made off with watches valued at over $2.6 million, police said.',
    ].join('\n');
    const b = 'The robbers in the Paris jewellery store raid made off with $3.9m on Monday.';
    expect(conflicts({ a, b })).toEqual(['$2.6 million raid / $3.9m']);
  });
});

describe('protagonists', () => {
  // A whole report of one capture, whose central actor (named in three sentences) is the ship.
  const sukanya = (n: number) =>
    [
      'INS Sukanya foiled an attack on merchant vessels from Oman.',
      'INS Sukanya was escorting the vessels, the Defence PRO said.',
      `Indian Navy commandos captured ${n} pirates in the Gulf of Aden.`,
      'INS Sukanya then sailed near Yemen.',
      'The Western Naval Command praised the crew.',
    ].join('\n');
  // A few lines naming each thing once: no protagonist of its own.
  const brief = (n: number) =>
    `The Indian Navy has captured ${n} pirates in the Gulf of Aden, MSNBC reported.\nThey carried rifles from Somalia and Eritrea.`;

  it('keeps a report without a protagonist apart from one whose central actor it never names', () => {
    expect(conflicts({ a: brief(23), b: sukanya(26) })).toEqual([]);
    expect(
      conflicts({ a: brief(23).replace('The Indian Navy', 'INS Sukanya'), b: sukanya(26) }),
    ).toHaveLength(1);
  });

  it('does not take a place for a protagonist: two incidents in one gulf share the gulf', () => {
    const terms = extractArticle(sukanya(26)).claims[0]!.contextTerms.filter((t) => /^[PQ]:/.test(t));
    // Named in four sentences: the protagonist and a central actor.
    expect(terms).toEqual(['P:skn', 'Q:skn']);
    const gulf = [
      'Pirates struck in the Gulf of Aden again.',
      'The Gulf of Aden is busy, said Captain Raj Menon.',
      'Ships in the Gulf of Aden now sail in convoys.',
    ].join('\n');
    expect(extractArticle(gulf).claims[0]!.contextTerms.some((t) => t === 'P:glfdn')).toBe(false);
  });
});

describe('names that are no people', () => {
  it('reads a peninsula, a strait or a channel as no person', () => {
    const types = (text: string) => extractArticle(text).entities.map((e) => [e.name, e.type]);
    expect(types('Pirates fled towards the Arabian Peninsula at dawn.')).toEqual([
      ['Arabian Peninsula', 'place'],
    ]);
    expect(types('A call came over the MMB Channel at dawn.')).not.toContainEqual(['MMB Channel', 'person']);
    expect(types('Ships sail through the Malacca Strait each day.')).toEqual([['Malacca Strait', 'place']]);
  });
});

describe('spokesmen', () => {
  it('reads "X, police said" as the police speaking, not X', () => {
    const terms = extractArticle('He fell near the Tasman Saddle Hut, police said.').claims[0]!.terms;
    expect(terms.some((t) => t.startsWith('s:'))).toBe(false);
  });

  it('does not take a person every sentence cites for an actor the other report leaves out', () => {
    // Each report cites its own police spokesman throughout; both tell one climber's fall.
    const report = (spokesman: string, place: string, n: number) =>
      [
        `A climber died near ${place} on Mount Cook, ${spokesman} said.`,
        `The climber fell ${n} metres down an ice gully near ${place}, ${spokesman} said.`,
        `Rescuers reached ${place} at dawn, ${spokesman} said.`,
        'The Alpine Cliff Rescue team and the Mount Cook National Park rangers helped.',
      ].join('\n');
    const a = report('Inspector Dave Gaskin', 'Tasman Saddle', 200);
    const b = report('Sergeant Ann Wilde', 'Tasman Saddle', 300);
    expect(conflicts({ a, b })).toEqual(['200 metres / 300 metres']);
  });
});

describe('runs that read as people only until the whole article is known', () => {
  it('are no people when they start with a place the article names, end in an acronym or in inhabitants', () => {
    const people = (text: string) =>
      extractArticle(text)
        .entities.filter((e) => e.type === 'person')
        .map((e) => e.name);
    const text = [
      'Officers of the Brooklyn South Anti Crime unit shot Kimani Gray in Brooklyn.',
      'Protesters chanted NYPD KKK as RussiaToday Brooklynites watched.',
    ].join('\n');
    expect(people(text)).toEqual(['Kimani Gray']);
  });

  it('takes a medium a person "said on" for a source, not an actor', () => {
    const claim = extractArticle(
      [
        'Councilman Jumaane Williams said on Twitter that 11 people were arrested in Brooklyn.',
        'Police closed two streets in Brooklyn, Williams said on Twitter.',
      ].join('\n'),
    ).claims[0]!;
    expect(claim.contextTerms).not.toContain('F:twtr');
  });
});

describe('a title-case headline', () => {
  it('does not keep a name from being a person the body names as one', () => {
    const text =
      "'Hunger Games' Director Gary Ross in Tough Negotiation for Sequel.\nNow the question is whether writer-director Gary Ross will return.";
    expect(extractArticle(text).entities.find((e) => e.key === 'e:rs')?.type).toBe('person');
  });
});

describe('reporters', () => {
  it('are sources when all they do in the article is report: "X and Y, who wrote on Saturday that…"', () => {
    const context = extractArticle(
      [
        "Deadline's Nikki Finke and Mike Fleming, who wrote on Saturday that Gary Ross had not stepped away.",
        'Gary Ross was paid $3 million to write and direct the film.',
      ].join('\n'),
    ).claims[1]!.contextTerms;
    expect(context.filter((t) => t.startsWith('p:'))).toEqual([]);
  });
});

describe('whose figure a list says it is', () => {
  const list =
    'Other teams in the race are the Baltimore Orioles (seven years, $150 million) and Washington Nationals (eight years, $160 million).';

  it('marks a figure in parentheses after a name as that party’s', () => {
    expect(quantities(list).map((q) => q.modifiers.filter((m) => m.startsWith('of:')))).toEqual([
      ['of:orls'],
      ['of:orls'],
      ['of:ntnls'],
      ['of:ntnls'],
    ]);
  });

  it('compares it only with a figure of that party, under any spelling of its name', () => {
    const offers =
      'Mark Teixeira has offers from the Baltimore Orioles (seven years, $150 million) and Washington Nationals (eight years, $160 million).';
    const bid = (team: string) => `The ${team} have bid $208 million over eight years for Mark Teixeira.`;
    expect(conflicts({ a: offers, b: bid('Washington Nationals') })).toEqual(['$160 million / $208 million']);
    expect(conflicts({ a: offers, b: bid('Boston Red Sox') })).toEqual([]);
    expect(conflicts({ a: offers, b: bid('Washington Natoinals') })).toHaveLength(1);
  });

  it('keeps a surname the surname when a run made it a first name', () => {
    const text =
      'Wladimir Klitschko won.\nKlitschko Ukrainian fans cheered.\nKlitschko (52-3, 46 KOs) won again.';
    expect(
      extractArticle(text)
        .mentions.filter((m) => m.surface === 'Klitschko')
        .map((m) => m.key),
    ).toEqual(['e:kltschk']);
  });
});

describe('a report whose only recurring name speaks', () => {
  it('still returns to a name: it is no report "without a protagonist"', () => {
    const briefing = [
      'Defense Secretary Lloyd Austin said the Ukraine Defense Contact Group is a coalition of 61 countries.',
      'Austin told reporters that North Korea sent troops to Kursk.',
      'Russia suffered heavy losses in September, Austin said.',
    ].join('\n');
    const report = [
      'Volodymyr Zelensky met Lloyd Austin on Monday.',
      'Zelensky thanked the allies.',
      'The Ukraine Defense Contact Group is a coalition of 57 countries, Austin said.',
      'Zelensky spoke of air defence.',
      'The Pentagon confirmed the visit.',
    ].join('\n');
    expect(conflicts({ a: briefing, b: report })).toEqual(['61 countries / 57 countries']);
  });
});

describe('an acronym and its expansion (ECB+ topic 20)', () => {
  const keyOf = (text: string, name: string) =>
    extractArticle(text).entities.find((e) => e.name === name)?.key;

  it('keeps an acronym’s own final S: "USGS" meets "United States Geological Survey"', () => {
    const full = keyOf(
      'The official IRNA news agency and the United States Geological Survey said it had a magnitude of 5.9.',
      'United States Geological Survey',
    );
    expect(keyOf('The USGS said the quake was 35 miles southwest of Bandar Abbas.', 'USGS')).toBe(full);
  });

  it('reads "U.S." and "US" before an organisation as the letters of its initials', () => {
    const full = keyOf('The United States Geological Survey said 5.9.', 'United States Geological Survey');
    expect(keyOf('U.S. Geological Survey puts the magnitude at 6.1.', 'Geological Survey')).toBe(full);
    expect(keyOf('The US Geological Survey put the epicentre at 58km.', 'US Geological Survey')).toBe(full);
  });

  it('still reads a lower-case s as a plural: "NGOs" is the NGO', () => {
    expect(keyOf('Aid groups and NGOs said 35 people died.', 'NGOs')).toBe(
      keyOf('The NGO said 35 people died.', 'NGO'),
    );
  });
});
