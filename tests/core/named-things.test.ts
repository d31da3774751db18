// Rule `named-thing` (src/core/entities/named-things.ts): capitalised words read as a first name and a
// surname that name a plan, a product or a shop are no person. Examples from the eval data.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { compareDocuments } from '../../src/services/compare';
import { conflictFigures } from '../helpers/core';

const typeOf = (text: string, name: string) =>
  extractArticle(text).entities.find((e) => e.name.includes(name))?.type;

describe('named things that read like people (rule named-thing)', () => {
  it('reads a name ending in a noun the text writes in lower case as a thing (SummEdits sales_email_3)', () => {
    const plans =
      'Additionally, we have three pricing plans tailored to suit your needs. ' +
      'Premium Plan: $600/month - Includes HVAC optimization and lighting control.';
    expect(typeOf(plans, 'Premium')).toBe('other');
    // Without "pricing plans" nothing says the words are not a first name and a surname.
    expect(typeOf(plans.replace('pricing plans', 'offers'), 'Premium')).toBe('person');
  });

  it('reads a name after its own determiner as a thing (SummEdits sales_email_18)', () => {
    const store =
      "Here's a case study on one of our clients: The Gadget Store experienced a 37% increase in online sales within just 6 months.";
    expect(typeOf(store, 'Gadget')).toBe('other');
    expect(typeOf(store.replace('The Gadget', 'Gadget'), 'Gadget')).toBe('person');
  });

  it('leaves people whose determiner belongs to a title or a noun, and teams, as people (ECB+ topics 4, 10, 5)', () => {
    expect(
      typeOf("'We have no idea what caused it,' the Rev. Larry Kroon of the church said.", 'Kroon'),
    ).toBe('person');
    expect(typeOf("'About a Boy,' from the Nick Hornby novel, won an award.", 'Hornby')).toBe('person');
    expect(typeOf('Nobody knows what the Angels and the Washington Nationals offered.', 'Nationals')).toBe(
      'person',
    );
  });

  it('leaves a person whose surname stands alone, whatever the text writes in lower case (ECB+ topic 4)', () => {
    const page =
      'Bettie Page, the pinup queen, died on Thursday. Page was 85. Her photos filled the front page of magazines.';
    expect(typeOf(page, 'Bettie')).toBe('person');
  });
});

describe('a name ending in an acronym (rule acronym-head)', () => {
  const keyOf = (text: string, name: string) =>
    extractArticle(text).entities.find((e) => e.name.includes(name))?.key;

  it('is keyed as the acronym alone (SummEdits ectsum_FUL_q2_2021: summary against document)', () => {
    const summary = keyOf(
      'Adjusted EBITDA guidance remains unchanged at $455 million to $475 million despite raw material cost increases.',
      'EBITDA',
    );
    const doc = keyOf(
      'We are reaffirming our adjusted EBITDA guidance of $455 million to $475 million for the year.',
      'EBITDA',
    );
    expect(summary).toBeDefined();
    expect(summary).toBe(doc);
  });
});

describe('a named thing told apart by its modifier (rule modifier-key)', () => {
  const keysOf = (text: string) => extractArticle(text).claims.flatMap((c) => c.keys);
  // SummEdits sales_email_30: the email capitalises its plan and writes "plan" in lower case elsewhere;
  // the summary writes "the Platinum plan".
  const doc =
    "For a limited time, we're offering an exclusive 10% discount on your first three months with any subscription plan! " +
    'So, here is your chance to invest in your financial future - all for the special rate of just $630/month for our Platinum Plan.';
  const summary =
    'There is no discount for the first three months, where the Platinum plan can be subscribed for $670/month.';

  it('keys the thing by the word before its common noun too, so a lower-case retelling meets it', () => {
    const shared = keysOf(doc).filter((k) => k.startsWith('money') && keysOf(summary).includes(k));
    expect(shared).toContain('money:usd|e:pltnm');
  });

  it('keeps the key of the whole name, for a retelling that capitalises it too', () => {
    expect(keysOf(doc)).toContain('money:usd|e:pln');
  });

  it('keys it so only when the text writes the noun in lower case', () => {
    expect(keysOf(doc.replace('subscription plan', 'subscription'))).not.toContain('money:usd|e:pltnm');
  });
});

describe('a name opening with an ordinal (rule ordinal-name)', () => {
  // EQUATE NewsNLI-428: the premise writes "the U.S. Fifth Fleet", the hypothesis, headline-style, bare.
  const premise =
    'Naval Support Activity Bahrain supports the U.S. Fifth Fleet , whose operations span about 7.5 million square miles across 27 countries .';
  const hypothesis = (n: number) => `Base supports U.S. Fifth Fleet , whose operations span ${n} nations`;

  it('is no person, with or without its article', () => {
    expect(typeOf(premise, 'Fleet')).toBe('other');
    expect(typeOf(hypothesis(27), 'Fleet')).toBe('other');
  });

  it('so the fleet told with another count of countries conflicts', () => {
    const conflicts = (n: number) =>
      compareDocuments([
        { id: 'p', text: premise },
        { id: 'h', text: hypothesis(n) },
      ]).links.filter((l) => l.relation === 'conflict');
    expect(conflicts(27)).toEqual([]);
    expect(conflicts(35).map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '27 countries',
      '35 nations',
    ]);
  });
});

describe('a coined brand in a name (rule brand-word)', () => {
  // SummEdits sales_email_4: "SwiftHealthcare's Telehealth service" read as a person, Telehealth.
  const email =
    "SwiftHealthcare's Telehealth service allows you to cater to this growing demand while generating additional revenue for your practice. " +
    'For a limited period of only two weeks, we are providing our cutting-edge EHR platform and Telehealth services, packed with features tailored to a clinic like yours, for just $480/month!';

  it('is no person, and is keyed by the brand', () => {
    const e = extractArticle(email).entities.find((x) => x.name.includes('SwiftHealthcare'));
    expect(e?.type).toBe('other');
    expect(e?.key).toBe(extractArticle('At SwiftHealthcare, we care.').entities[0]?.key);
  });

  it('leaves names that capitalise after a short or a known prefix as people', () => {
    expect(typeOf('Ellen DeGeneres will host the Oscars, DeGeneres said.', 'DeGeneres')).toBe('person');
    expect(typeOf('Mackenzie MacKenzie will host the show, MacKenzie said.', 'MacKenzie')).toBe('person');
  });

  it('so the summary that names the company and its account executive is compared', () => {
    const summary =
      'SwiftHealthcare is providing their EHR platform and Telehealth services to clinics for $500/month for two weeks. Michael Smith, an account executive at SwiftHealthcare, is offering to schedule a personalized demo.';
    const conflicts = compareDocuments([
      { id: 'doc', text: `${email} Michael Smith\nAccount Executive\nSwiftHealthcare` },
      { id: 'summary', text: summary },
    ]).links.filter((l) => l.relation === 'conflict');
    expect(conflicts.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '$480/month',
      '$500/month',
    ]);
  });
});

describe('a run that opens with the surname of a person the article names (rule surname-first)', () => {
  // ECB+ 10_21ecbplus, a blog post titled "Red Sox - Teixeira Rumor."
  const rumor =
    'Red Sox - Teixeira Rumor.\n2 : 16pm : Take it with a grain of salt, but we have a report of a report that the Red Sox offered Mark Teixeira an eight - year, $200MM deal. Earl Bloom of the Orange County Register heard Dan Patrick say it on his radio show.';
  // ECB+ 10_4ecbplus, shortened.
  const offer =
    'Sources : Sox May Not Be Out Of Teixeira Chase.\nDespite saying they have been outbid for free agent first baseman Mark Teixeira, the Red Sox do not believe they are completely out of the chase, SportsCenter 5 has learned. Lynch reported the Red Sox team of owner John Henry, COO Larry Lucchino and General Manager Theo Epstein offered Teixeira, 28, an eight - year deal worth $184 million or $23 million per season. It was then that agent Scott Boras countered by asking for an eight - year contract worth $200 million, sources said. Lynch reported that Henry became infuriated at that point, balking at the massive sum.';

  it('reads "Teixeira Rumor" as a thing of Mark Teixeira, not a second person', () => {
    expect(typeOf(rumor, 'Rumor')).toBe('other');
    // Without Mark Teixeira in the body nothing says "Teixeira" is anyone's surname.
    expect(typeOf(rumor.replace('Mark Teixeira', 'the slugger'), 'Rumor')).toBe('person');
  });

  it('so the blog\'s "$200MM deal" is compared with the reported $184 million offer', () => {
    expect(conflictFigures(rumor, offer)).toContainEqual(['$200MM deal', '$184 million']);
  });
});

describe('a person "from" a name (rule person-from-place)', () => {
  it('reads "The man, from Hampton East," as a man from a place, not a person Hampton East (ECB+ 23_1ecbplus)', () => {
    const text =
      'A 36 - year - old Australian climber is dead after falling about 150 metres at Aoraki Mount Cook. The man, from Hampton East, fell in the Tasman Glacier area.';
    expect(typeOf(text, 'Hampton')).not.toBe('person');
    // After a caller, "from" names who called.
    expect(typeOf('Police received a call from Hampton East about the fall.', 'Hampton')).toBe('person');
  });
});
