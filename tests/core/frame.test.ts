// What a figure is tied to beyond its unit (src/core/crossref/frame.ts) and the figure rules that read
// it: different-reference-points and earlier-value. Sentences from ECB+ topics 1–24 unless said.
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import {
  earlierEvent,
  earlierValue,
  elapsedTime,
  giverFor,
  recipientFor,
  referencePoint,
} from '../../src/core/crossref/frame';
import { ClaimView } from '../../src/core/crossref/view';
import { compareDocuments } from '../../src/services/compare';

const view = (text: string, id: string) =>
  new ClaimView(toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id));
const figure = (v: ClaimView, text: string) => v.c.quantities.find((q) => q.text.includes(text))!;
const rule = (name: string) => FIGURE_RULES.find((r) => r.name === name)!;

describe('rule different-reference-points', () => {
  const wasilla = view("Wasilla, Mrs Palin's home town, is 64 kilometres north of Anchorage.", 'a');
  const woodburn = view(
    'The explosion occurred Friday afternoon at a West Coast Bank branch in Woodburn, about 30 miles south of Portland.',
    'b',
  );
  const qeshm = view(
    'The island, which has about 200, 000 residents, is about 940 miles south of Tehran, the capital.',
    'c',
  );
  const located = view(
    'Qeshm, located 1, 150 kilometers (700 miles) southeast of Tehran, has a busy commercial and fishing port.',
    'd',
  );

  it('reads the place a distance is measured from, also past a converted figure in parentheses', () => {
    expect(referencePoint(wasilla.c.text, figure(wasilla, '64'))).toBe('anchorage');
    expect(referencePoint(woodburn.c.text, figure(woodburn, '30'))).toBe('portland');
    expect(referencePoint(located.c.text, figure(located, '700'))).toBe('tehran');
  });

  it('keeps distances from different places apart, and compares distances from one place', () => {
    const x = figure(qeshm, '940');
    expect(rule('different-reference-points').rejects(woodburn, qeshm, figure(woodburn, '30'), x)).toBe(true);
    expect(rule('different-reference-points').rejects(located, qeshm, figure(located, '700'), x)).toBe(false);
  });

  it('reads a landmark written in lower case as a place ("12 nautical miles from shore", ECB+ 12_6ecb / 12_8ecb)', () => {
    const waters = view("A country's territorial waters extend to 12 nautical miles from shore.", 'e');
    const ship = view(
      'The merchant ship, which was 13 nautical miles from the Mysore, fired back with small arms.',
      'f',
    );
    expect(referencePoint(waters.c.text, figure(waters, '12'))).toBe('shore');
    expect(
      rule('different-reference-points').rejects(waters, ship, figure(waters, '12'), figure(ship, '13')),
    ).toBe(true);
  });

  it('reads a distance from a thing named by a common noun (common-noun-reference, ECB+ 12_16ecb / 12_6ecb)', () => {
    const waters = view("A country's territorial waters extend to 12 nautical miles from shore.", 'g');
    const gibe = view(
      'Indian naval ship Mysore, a destroyer, picked up a distress call from merchant vessel Gibe, which flies an Ethiopian flag, when it was 13 nautical miles (about 24km) from the cargo ship.',
      'h',
    );
    expect(referencePoint(gibe.c.text, figure(gibe, '13'))).toBe('~cargo ship');
    const r = rule('different-reference-points');
    expect(r.rejects(waters, gibe, figure(waters, '12'), figure(gibe, '13'))).toBe(true);
    // Against a place's name a common noun may be that place ("from the city" / "from Tehran"): compared.
    const city = view('The village lies 30 miles from the city, officials said.', 'i');
    const tehran = view('The village lies 40 miles from Tehran, officials said.', 'j');
    expect(r.rejects(city, tehran, figure(city, '30'), figure(tehran, '40'))).toBe(false);
    // One common noun in both: compared.
    const ridge = view('He fell about 60 metres from a ridge near the Tasman Glacier.', 'k');
    const ridge2 = view('He fell 150 meters from a ridge in the park.', 'l');
    expect(r.rejects(ridge, ridge2, figure(ridge, '60'), figure(ridge2, '150'))).toBe(false);
    // A fall from a ridge is a distance gone, as a fall told without it (ECB+ 23_4ecbplus / 23_1ecbplus, read real).
    const fall = view(
      'A 36 - year - old Australian climber is dead after falling about 150 metres at Aoraki Mount Cook.',
      'm',
    );
    const fromRidge = view(
      'On Friday, 36 - year - old Duncan Raite died after slipping and falling about 60 metres (200 feet) from a ridge.',
      'n',
    );
    expect(
      rule('position-against-travel').rejects(fall, fromRidge, figure(fall, '150'), figure(fromRidge, '60')),
    ).toBe(false);
  });

  it("two outlets placing one fire from two towns get no conflict (the issue's example)", () => {
    const { links } = compareDocuments([
      { id: 'a', text: 'The fire started 13 miles east of Cloverdale on Sunday, officials said.' },
      { id: 'b', text: 'The fire started 23 miles north of Santa Rosa on Sunday, officials said.' },
    ]);
    expect(links.filter((l) => l.relation === 'conflict')).toEqual([]);
  });
});

describe('rule earlier-value', () => {
  const record = view(
    'The value could almost double the previous club record, the $ 90 million guaranteed last year to Torii Hunter.',
    'a',
  );
  const offer = view('The Angels have offered Teixeira $ 160 million over eight years, a club record.', 'b');

  it('reads a record that was, an initial offer, a mark broken', () => {
    expect(earlierValue(record.c.text, figure(record, '90'))).toBe(true);
    expect(earlierValue(offer.c.text, figure(offer, '160'))).toBe(false);
    const broke = view('He broke the school record of 2,116 points.', 'c');
    expect(earlierValue(broke.c.text, figure(broke, '2,116'))).toBe(true);
    // ECB+ 10_7ecb: the value beaten, right after the verb and "the".
    const surpassing = view(
      'The Angels have made an offer that would be the biggest contract in the history of the franchise, surpassing the $ 90 million deal they gave to Torii Hunter last season.',
      'd',
    );
    expect(earlierValue(surpassing.c.text, figure(surpassing, '90'))).toBe(true);
    // A level reached is no value beaten (SummEdits ectsum_MDC_q3_2020: "expected to exceed $460,000").
    const reach = view(
      'The average selling price is expected to exceed $460,000 in the fourth quarter.',
      'e',
    );
    expect(earlierValue(reach.c.text, figure(reach, '460,000'))).toBe(false);
  });

  it('reads the deal beaten past its terms (terms-of-the-value-beaten, ECB+ 10_5ecb against 10_2ecb)', () => {
    const dwarfing = view(
      'If accepted, this would certainly be the largest contract in the Angels history, dwarfing the four-year, $ 90 million deal that Torii Hunter got just last summer.',
      'f',
    );
    const worth = view(
      "Regains did n't reveal the dollar amounts, but the newspaper speculates the deal is worth at least $ 160 million.",
      'g',
    );
    expect(earlierValue(dwarfing.c.text, figure(dwarfing, '90'))).toBe(true);
    expect(rule('earlier-value').rejects(dwarfing, worth, figure(dwarfing, '90'), figure(worth, '160'))).toBe(
      true,
    );
    // Terms are hyphenated words: "topping the charts at 5 million" stays a level, not a value beaten.
    const charts = view('The single ended the year topping the charts at 5 million copies sold.', 'h');
    expect(earlierValue(charts.c.text, figure(charts, '5 million'))).toBe(false);
  });

  it('never compares the old value with the one now stated', () => {
    expect(rule('earlier-value').rejects(record, offer, figure(record, '90'), figure(offer, '160'))).toBe(
      true,
    );
  });
});

describe('rule comparison-base (with earlier-value)', () => {
  it('the standard a figure is compared with is a value that was (SummEdits ectsum_MTB_q3_2021, ectsum_KOP_q2_2021)', () => {
    const income = view(
      'Taxable equivalent net interest income was $971 million in the third quarter of 2021, compared with $946 million in the linked quarter.',
      'a',
    );
    expect(earlierValue(income.c.text, figure(income, '971'))).toBe(false);
    expect(earlierValue(income.c.text, figure(income, '946'))).toBe(true);
    const sales = view(
      "Let's start on Slide 17, that shows consolidated sales were $441 million, an increase of sales from $437 million in the prior year.",
      'b',
    );
    expect(earlierValue(sales.c.text, figure(sales, '441'))).toBe(false);
    expect(earlierValue(sales.c.text, figure(sales, '437'))).toBe(true);
    // "from" alone is left alone: "went from 337 pounds to 202 pounds" states both values (EQUATE NewsNLI-783).
    const weight = view('He went from 337 pounds to 202 pounds.', 'c');
    expect(earlierValue(weight.c.text, figure(weight, '337'))).toBe(false);
  });

  it("a summary's figure is not answered by its document's base (SummEdits ectsum_MTB_q3_2021_14)", () => {
    const found = compareDocuments([
      {
        id: 'doc',
        text: 'Taxable equivalent net interest income was $971 million in the third quarter of 2021, compared with $946 million in the linked quarter.',
      },
      {
        id: 'sum',
        text: "The company's second quarter of 2021 diluted GAAP earnings per common share improved to $3.69 and taxable equivalent net interest income was $946 million.",
      },
    ]).links.filter((l) => l.relation === 'conflict');
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([
      ['$971 million in', '$946 million'],
    ]);
  });
});

describe('rule replaced-value (with comparison-base)', () => {
  // SummEdits sales_email_19_17: the email's "Prices start at just $500/month" against a summary that
  // states another price and names the email's as the one it replaces.
  const summary =
    'He recommended two of their services, which are Custom CRM Development and Integration starting at $800/month (instead of $500), and Workflow Automation starting at $2,500 (instead of $3,000).';

  it('the value a figure replaces is a value that was, not the one stated', () => {
    const v = view(summary, 'a');
    expect(earlierValue(v.c.text, figure(v, '800'))).toBe(false);
    expect(earlierValue(v.c.text, figure(v, '500'))).toBe(true);
    const jobs = view('The plant will cut 300 jobs rather than 500 jobs.', 'b');
    expect(earlierValue(jobs.c.text, figure(jobs, '300'))).toBe(false);
    expect(earlierValue(jobs.c.text, figure(jobs, '500'))).toBe(true);
  });

  it("a summary's new price conflicts though it names the document's as replaced (SummEdits sales_email_19_17)", () => {
    const found = compareDocuments([
      {
        id: 'doc',
        text: 'Custom CRM Development and Integration: We design a CRM solution that integrates seamlessly with your existing systems. Prices start at just $500/month.',
      },
      { id: 'sum', text: summary },
    ]).links.filter((l) => l.relation === 'conflict');
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '$500/month',
      '$800/month',
    ]);
  });
});

describe('rule different-givers (ECB+ topic 10: offers for Mark Teixeira)', () => {
  const redSox = view(
    'Take it with a grain of salt, but we have a report of a report that the Red Sox offered Mark Teixeira an eight - year, $200MM deal.',
    'a',
  );
  const orioles = view(
    'The Orioles, according to reports, have offered Teixeira a seven - year deal worth between $140 million and $150 million.',
    'b',
  );
  const gapped = view(
    'The Nationals reportedly have bid $ 160 million over eight years, the Orioles between $ 140 million and $ 150 million over seven years.',
    'c',
  );

  it('reads who offers a sum: before the verb, past an aside, and where a list leaves the verb out', () => {
    expect(giverFor(redSox.c.text, figure(redSox, '200'))).toBe('red sox');
    expect(giverFor(orioles.c.text, figure(orioles, '140'))).toBe('orioles');
    expect(giverFor(gapped.c.text, figure(gapped, '160'))).toBe('nationals');
    expect(giverFor(gapped.c.text, figure(gapped, '140'))).toBe('orioles');
    const bid = view(
      'The Washington Nationals have bid $208 million over eight years for Mark Teixeira.',
      'd',
    );
    expect(giverFor(bid.c.text, figure(bid, '208'))).toBe('washington nationals');
  });

  it('reads "has offers from" as a noun: Teixeira gives nothing', () => {
    const offers = view('Mark Teixeira has offers from several clubs, one of them worth $ 160 million.', 'e');
    expect(giverFor(offers.c.text, figure(offers, '160'))).toBeNull();
  });

  it("keeps two parties' offers apart and compares two reports of one party's", () => {
    const r = rule('different-givers');
    expect(r.rejects(redSox, orioles, figure(redSox, '200'), figure(orioles, '140'))).toBe(true);
    expect(r.rejects(gapped, orioles, figure(gapped, '140'), figure(orioles, '140'))).toBe(false);
  });
});

describe('rule made-an-offer, and committing or spending as giving (ECB+ 10_13ecbplus, 10_19ecbplus, 10_2ecbplus)', () => {
  it('reads the party that made an offer, and the one that committed a sum', () => {
    const made = view(
      'Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first baseman Mark Teixeira an eight - year, $200 million offer.',
      'a',
    );
    const offered = view(
      'ESPN is reporting that the Nationals have offered Mark Teixeira an 8 - year, $160 million contract.',
      'b',
    );
    const committed = view(
      'Yankees general manager Brian Cashman also met with Teixeira earlier this month, but that was before the Yankees committed more than $240 million to sign pitchers CC Sabathia and A.J. Burnett.',
      'c',
    );
    expect(giverFor(made.c.text, figure(made, '200'))).toBe('boston red sox');
    expect(giverFor(committed.c.text, figure(committed, '240'))).toBe('yankees');
    expect(rule('different-givers').rejects(made, offered, figure(made, '200'), figure(offered, '160'))).toBe(
      true,
    );
    // Making is giving only for an offer's sum: "made $5 million last year" says nothing of a giver.
    const earned = view('The Nationals made $5 million in profit last year.', 'd');
    expect(giverFor(earned.c.text, figure(earned, '5'))).toBeNull();
  });
});

describe('rule their-offer (ECB+ 10_3ecbplus / 10_13ecbplus)', () => {
  it("reads a possessive pronoun's offer as the offer of the subject that made or raised it", () => {
    const upgraded = view(
      "One report posted online last night by MASN Sports' Roch Kubatko suggested that the Washington Nationals have upgraded their initial offer to Teixeira - - eight years, $160 million - - to somewhere between $178 million and $184 million over the same timeframe.",
      'a',
    );
    const made = view(
      'Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first baseman Mark Teixeira an eight - year, $200 million offer.',
      'b',
    );
    expect(giverFor(upgraded.c.text, figure(upgraded, '178'))).toBe('washington nationals');
    expect(
      rule('different-givers').rejects(upgraded, made, figure(upgraded, '178'), figure(made, '200')),
    ).toBe(true);
    // Only a verb of making or raising ties "their" to its subject: "Teixeira is considering their offer".
    const considered = view('Teixeira is considering their offer of $180 million.', 'c');
    expect(giverFor(considered.c.text, figure(considered, '180'))).toBeNull();
  });
});

describe('rule giver-phrase (ECB+ 10_4ecbplus / 10_13ecbplus)', () => {
  it('reads every name of the noun phrase that gives, so one club told two ways is one giver', () => {
    const team = view(
      'Lynch reported the Red Sox team of owner John Henry, COO Larry Lucchino and General Manager Theo Epstein offered Teixeira, 28, an eight - year deal worth $184 million or $23 million per season.',
      'a',
    );
    const headline = view('Report : Red Sox offer Teixeira $200 million.', 'b');
    expect(giverFor(team.c.text, figure(team, '184'))?.split('|')).toContain('red sox');
    expect(
      rule('different-givers').rejects(team, headline, figure(team, '184'), figure(headline, '200')),
    ).toBe(false);
    const orioles = view(
      'The Orioles, according to reports, have offered Teixeira a seven - year deal worth between $140 million and $150 million.',
      'c',
    );
    expect(rule('different-givers').rejects(team, orioles, figure(team, '184'), figure(orioles, '140'))).toBe(
      true,
    );
  });
});

describe('rule different-recipients (ECB+ topic 10: who the money goes to)', () => {
  const hunter = view('The Angels gave a $ 90 million deal to Torii Hunter last season.', 'a');
  const teixeira = view('Report : Red Sox offer Teixeira $200 million.', 'b');
  const indirect = view(
    'Take it with a grain of salt, but we have a report of a report that the Red Sox offered Mark Teixeira an eight - year, $200MM deal.',
    'c',
  );
  const drew = view(
    'A $103.1 million sum - - including the $51.1 million posting fee - - to Daisuke Matsuzaka over six seasons and a five - year, $70 million contract for J.D. Drew.',
    'd',
  );

  it('reads who a sum goes to, before it or after it', () => {
    expect(recipientFor(hunter.c.text, figure(hunter, '90'))).toBe('torii hunter');
    expect(recipientFor(teixeira.c.text, figure(teixeira, '200'))).toBe('teixeira');
    expect(recipientFor(indirect.c.text, figure(indirect, '200'))).toBe('mark teixeira');
    expect(recipientFor(drew.c.text, figure(drew, '51.1'))).toBe('daisuke matsuzaka');
    expect(recipientFor(drew.c.text, figure(drew, '70'))).toBe('j.d. drew');
  });

  it("keeps sums paid to different people apart and compares one person's, named in full or in part", () => {
    const r = rule('different-recipients');
    expect(r.rejects(hunter, teixeira, figure(hunter, '90'), figure(teixeira, '200'))).toBe(true);
    expect(r.rejects(indirect, teixeira, figure(indirect, '200'), figure(teixeira, '200'))).toBe(false);
  });
});

describe('carried-giver (ECB+ 10_7ecb: "the deal" of the sentence before)', () => {
  const angels = [
    'According to a report in the Los Angeles Times, the Angels have made an offer to the free agent first baseman that would be the biggest contract in the history of the franchise.',
    "While the numbers are n't confirmed, the deal is believed to be an offer of eight years and around $ 160 million.",
  ].join(' ');
  const redSox = view('The Red Sox offered Mark Teixeira an eight - year, $200MM deal.', 'b');

  it('carries the giver to a sentence that says only "the deal", and not to one that names its own', () => {
    const claims = extractArticle(angels).claims;
    const deal = claims.find((c) => c.text.includes('160'))!;
    expect(deal.contextTerms).toContain('G:angels');
    const own = extractArticle(
      'The Angels have made an offer to Teixeira. The Red Sox have made an offer of $200 million, the deal said to be final.',
    ).claims.find((c) => c.text.includes('200'))!;
    expect(own.contextTerms.some((t) => t.startsWith('G:'))).toBe(false);
  });

  it("keeps the Angels' offer apart from the Red Sox's", () => {
    const deal = extractArticle(angels).claims.find((c) => c.text.includes('160'))!;
    const v = new ClaimView(toMatchable(deal, 'a:1', 'a'));
    expect(rule('different-givers').rejects(v, redSox, figure(v, '160'), figure(redSox, '200'))).toBe(true);
  });
});

describe('rule elapsed-against-length (ECB+ 19_10ecb / 19_12ecb, labelled `different`)', () => {
  const ago = view(
    'The teenager was shot and killed by police in Athens eight days ago, triggering violent protests which have spread across the country.',
    'a',
  );
  const rioting = view(
    'INITIAL results from the post- mortem on a 15-year-old Greek boy whose killing by police sparked five days of rioting show Alexandros Grigoropoulos died from a bullet ricochet.',
    'b',
  );
  const weeks = view('He was arrested two weeks ago in Athens.', 'c');

  it('reads a duration followed by "ago", "earlier" or "later" as a point in time', () => {
    expect(elapsedTime(ago.c.text, figure(ago, 'eight days'))).toBe(true);
    expect(elapsedTime(rioting.c.text, figure(rioting, 'five days'))).toBe(false);
  });

  it('never compares the time since an event with how long another lasted; two datings are compared', () => {
    const r = rule('elapsed-against-length');
    expect(r.rejects(ago, rioting, figure(ago, 'eight days'), figure(rioting, 'five days'))).toBe(true);
    expect(r.rejects(ago, weeks, figure(ago, 'eight days'), figure(weeks, 'two weeks'))).toBe(false);
  });
});

describe('rule earlier-event', () => {
  // ECB+ 24_3ecbplus (the 2008 Harry Winston raid) against 24_8ecb (a report of the 2009 one).
  const raid = view(
    "The raid comes little over a month after a masked bandit made off with an $136M worth of diamonds and jewels from the Carlton Intercontinental Hotel in Cannes on the glamorous French Riviera, in possibly the world ' s biggest heist.",
    'a',
  );
  const paris = view(
    "Jewellery worth more than $ 160 million has been stolen from a Paris boutique in what is believed to be France's biggest jewellery theft.",
    'b',
  );
  const vigil = view(
    'The clashes late on Saturday came after an evening candle-lit vigil to mark the shooting of 15-year-old Alexandros Grigoropoulos.',
    'c',
  );

  it('reads a figure told after "comes a month after" as the earlier event\'s', () => {
    expect(earlierEvent(raid.c.text, figure(raid, '136'))).toBe(true);
    expect(earlierEvent(paris.c.text, figure(paris, '160'))).toBe(false);
  });

  it("keeps the earlier heist's haul apart from the one the other report is about", () => {
    expect(rule('earlier-event').rejects(raid, paris, figure(raid, '136'), figure(paris, '160'))).toBe(true);
    const { links } = compareDocuments([
      { id: 'a', text: raid.c.text },
      { id: 'b', text: paris.c.text },
    ]);
    expect(links.filter((l) => l.relation === 'conflict')).toEqual([]);
  });

  it("leaves ages alone: a person's age is theirs whatever event the clause tells", () => {
    const other = view('Alexandros Grigoropoulos, 15, was killed on December 6.', 'd');
    expect(rule('earlier-event').rejects(vigil, other, figure(vigil, '15'), figure(other, '15'))).toBe(false);
  });
});

describe('rule one-places-distance', () => {
  // ECB+ 20_3ecbplus and 20_4ecbplus, two reports of one quake whose surrounding sentences name
  // different officials (different-people-around): the island's distance from Tehran is one fact.
  const reportA = [
    'Officials Massoud Dalman and Shahram Alamdari said rescue teams reached Bandar Abbas on Sunday.',
    'The island, which has about 200, 000 residents, is about 940 miles south of Tehran, the capital.',
  ].join('\n');
  const reportB = [
    'Ali Rezapour and Ali Naghavi said the tremor was felt on Qeshm on Monday.',
    'Qeshm, located 1, 150 kilometers (700 miles) southeast of Tehran, has a busy commercial and fishing port.',
  ].join('\n');

  it('compares two distances of a place from one town whatever the reports around them tell', () => {
    const { links } = compareDocuments([
      { id: 'a', text: reportA },
      { id: 'b', text: reportB },
    ]);
    const conflict = links.find((l) => l.relation === 'conflict');
    expect(conflict?.explanation.a?.text ?? '').toMatch(/940 miles|700 miles/);
  });

  it('leaves where an event happened under the subject rules', () => {
    const { links } = compareDocuments([
      {
        id: 'a',
        text: reportA.replace('The island, which has about 200, 000 residents, is', 'The quake struck'),
      },
      { id: 'b', text: reportB.replace('Qeshm, located', 'The quake struck') },
    ]);
    expect(links.filter((l) => l.relation === 'conflict')).toEqual([]);
  });
});

describe('rule hypothetical-figure (ECB+ 3_1ecb / 3_4ecb, 10_19ecbplus / 10_1ecbplus)', () => {
  const r = rule('hypothetical-figure');
  it('keeps a figure of a case that may not happen apart from one of what happened', () => {
    const bill = view(
      'Rep. Barry Fleming led a failed bid last year to allow judges to approve death penalties even if one or two jurors voted against it.',
      'a',
    );
    const saved = view(
      'Brian Nichols was saved from a death sentence by three jurors who were determined that he spend his life in prison.',
      'b',
    );
    expect(r.rejects(bill, saved, figure(bill, 'two jurors'), figure(saved, 'three'))).toBe(true);
    const pushed = view('But if the Sox are pushed to 10 years, they would likely deem it acceptable.', 'c');
    const eight = view(
      'Boston reportedly looks to ink free-agent slugger Mark Teixeira for eight years.',
      'd',
    );
    expect(r.rejects(pushed, eight, figure(pushed, '10'), figure(eight, 'eight'))).toBe(true);
  });
  it('compares two sentences that each tell a condition, in whatever order', () => {
    const doc = view('If we are late we lose 5 million dollars on the project.', 'e');
    const summary = view('James risked losing 10 million dollars if they were late.', 'f');
    expect(r.rejects(doc, summary, figure(doc, '5'), figure(summary, '10'))).toBe(false);
  });
  it('an "if" past a stop conditions something else (if-of-its-own, ECB+ 10_19ecbplus / 10_9ecbplus)', () => {
    const pushed = view('But if the Sox are pushed to 10 years, they would likely deem it acceptable.', 'g');
    const offered = view(
      "... ok, so, the Sox have the high offer, the Angels are out, the Nationals lack confidence, and the O ' s have reportedly only offered seven years ... which would suggest the Red Sox are in very, very good position to land teixeira ... unless, of course, a new team can be wrangled in to the mix ...",
      'h',
    );
    expect(r.rejects(pushed, offered, figure(pushed, '10'), figure(offered, 'seven'))).toBe(true);
  });
});

describe('rule one-round-of-a-match (ECB+ 7_11ecb / 7_1ecb, labelled different)', () => {
  const r = rule('one-round-of-a-match');
  it('keeps a count of one round apart from the whole fight', () => {
    const round = view(
      'In fact, Klitschko landed 28 of his 68 punches thrown during the round, while Rahman connected on just 1-of-16 over those three minutes.',
      'a',
    );
    const fight = view(
      'The final numbers showed Klitschko landing 178 of 369 punches thrown while Rahman connected on just 30 of 207 punches thrown.',
      'b',
    );
    expect(r.rejects(round, fight, figure(round, '68'), figure(fight, '207'))).toBe(true);
    // A fiscal quarter is no stage of a match: "in the quarter" is left to the period rules.
    const quarter = view('Revenue in the quarter was $5.2 billion, up 4%.', 'c');
    const year = view('Revenue was $5.1 billion.', 'd');
    expect(r.rejects(quarter, year, figure(quarter, '$5.2'), figure(year, '$5.1'))).toBe(false);
  });
});
