// Rules figures-told-alike and shared-range-bound (src/core/crossref/wording.ts, with no-shared-anchor): two sentences that
// state two more figures the same way tell one offer, though they share no name and little wording.
// Real text: SummEdits sales_email_11 (a sales email and a summary with one edited figure).
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/services/compare';

const conflicts = (a: string, b: string) =>
  compareDocuments([
    { id: 'doc', text: a },
    { id: 'summary', text: b },
  ]).links.filter((l) => l.relation === 'conflict');

const email =
  "As a special token of our appreciation, I'd like to extend an exclusive offer to you. Sign up for any of our plans within the next 10 days and receive a 20% discount for the first six months.";
const summary = (discount: string, days = '10 days') =>
  `Xcelerate is a platform that provides businesses with tools such as an analytics dashboard, social media management, CRM software, and marketing automation. By signing up within the next ${days}, businesses get a ${discount} discount for the first six months.`;

describe('rule figures-told-alike', () => {
  it('the offer retold with another discount conflicts (SummEdits sales_email_11_0)', () => {
    const found = conflicts(email, summary('25%'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual(['20%', '25%']);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(email, summary('20%'))).toEqual([]);
  });
});

describe('rule shared-range-bound', () => {
  // SummEdits ectsum_MDC_q3_2020_10: an earnings call's guidance and a summary that moves one bound.
  const call =
    'We are anticipating home deliveries for the fourth quarter of 2020 to reach between 2,400 and 2,600 units.';
  const retold = (range: string) =>
    `The average selling price for unit deliveries is expected to surpass $460,000, and home deliveries for 4Q 2020 are predicted to hit between ${range} units.`;

  it('a range retold with one bound moved conflicts (SummEdits ectsum_MDC_q3_2020_10)', () => {
    const found = conflicts(call, retold('2,400 and 2,500'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '2,400 and 2,600 units',
      '2,400 and 2,500 units',
    ]);
  });

  it('the faithful range gets no conflict', () => {
    expect(conflicts(call, retold('2,400 and 2,600'))).toEqual([]);
  });

  it('ranges sharing no bound are not anchored by it', () => {
    expect(conflicts(call, retold('2,300 and 2,500'))).toEqual([]);
  });
});

describe('rule figure-phrase-told-alike', () => {
  // SummEdits sales_call_3: a sales call and a summary that changes the discount.
  const call =
    'Sales Agent: Yes, we do! We offer a 15% discount for new customers who purchase any of our insurance plans.';
  const retold = (discount: string) =>
    `The sales agent assures competitive prices with quality services, an extremely time-consuming application process, and a ${discount} discount for new customers plus additional discounts from their referral program.`;

  it('a figure told with the same phrase after it anchors the two sentences (SummEdits sales_call_3_8)', () => {
    const found = conflicts(call, retold('10%'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([['15%', '10%']]);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(call, retold('15%'))).toEqual([]);
  });

  it('five words alike anchor with one content word: "discount for the first six months" (SummEdits sales_email_11_13)', () => {
    const found = conflicts(email, summary('25%', 'next week'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual(['20%', '25%']);
    expect(conflicts(email, summary('20%', 'next week'))).toEqual([]);
  });

  it('four words alike with one content word anchor nothing ("discount for the first" year / time)', () => {
    const offer = 'Sign up within the next 10 days and receive a 20% discount for the first year.';
    expect(conflicts(offer, 'Businesses get a 25% discount for the first time.')).toEqual([]);
  });
});

describe('rule figure-phrase-told-alike, the words before the figure', () => {
  // SummEdits ectsum_RPM_q1_2022: an earnings call and a summary that slips the scale of the sales.
  const call =
    'Turning to Slide 6, on a consolidated basis, our sales increased to a record $1.65 billion up 2.7% over a strong fiscal 2021 first quarter, which grew 9.1%.';
  const retold = (sales: string) =>
    `The company's consolidated sales increased to a record ${sales}, but they anticipate raw material, trade, and wage inflation to persist in the second half.`;

  it('"sales increased to a record" anchors the two sentences (SummEdits ectsum_RPM_q1_2022_7)', () => {
    const found = conflicts(call, retold('$165 million'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([
      ['$1.65 billion', '$165 million'],
    ]);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(call, retold('$1.65 billion'))).toEqual([]);
  });
});

// ECB+ 12_19ecb and 12_1ecb: two reports of the Indian Navy's capture of 23 pirates near MV Gibe (13
// December 2008), each with its inventory of the arms seized.
describe('inventory-told-alike', () => {
  const seized = [
    'Taking the lead in the fight against piracy, the Indian Navy on Saturday arrested 23 Somali pirates.',
    'The Navy flew its Marine Commandos on helicopters to the scene of the pirate attack and rescued the ship.',
    'MV Gibe was later escorted to safety, he added.',
    'The Indian commandos also recovered 12 AK 47 guns, three rifles, two grenades along with other ammunition.',
  ].join(' ');
  const found = (rifles: string) =>
    [
      'The Indian Navy on Saturday prevented pirates from attacking a merchant vessel flying an Ethiopian flag in the Gulf of Aden and took 23 into custody.',
      'Responding to a distress call by MV Gibe, INS Mysore on anti-piracy patrol in the area, swung into action against the pirates in two boats, a Defence Ministry release said.',
      `Seven AK-47s, ${rifles} other automatic rifles, 13 loaded magazines, a rocket-propelled grenade-launcher, rockets, cartridges and grenades were found in the boats.`,
    ].join(' ');
  const pairs = (a: string, b: string) =>
    conflicts(a, b).map((l) => [l.explanation.a?.text, l.explanation.b?.text]);

  it('two inventories counting one item alike (three rifles) are one haul: 12 AK-47s against seven conflict', () => {
    expect(pairs(seized, found('three'))).toEqual([['12 AK 47 guns', 'Seven AK-47s']]);
  });

  it('with nothing counted alike, two inventories sharing no name stay apart', () => {
    expect(pairs(seized, found('four'))).toEqual([]);
  });
});
