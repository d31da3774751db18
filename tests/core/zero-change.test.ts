// Rule no-change-is-zero (src/core/quantities/zero-change.ts): "no discount", "no increase in total
// variable gross profits" state a change of nothing, a share of 0 %, compared like any percentage.
// Real text: SummEdits sales_email_10 (a sales email and its summaries) and samsum_train_13820970.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { compareDocuments } from '../../src/services/compare';

const conflicts = (a: string, b: string) =>
  compareDocuments([
    { id: 'doc', text: a },
    { id: 'summary', text: b },
  ]).links.filter((l) => l.relation === 'conflict');

const email =
  'If this intrigues you, I invite you to explore our interactive demo by signing up at this link. As a special offer, we’d like to extend a 15% discount on the listed prices for Eagle Ridge Farms with a one-year commitment.';
const summary = (discount: string) =>
  `For Eagle Ridge Farms, their AgriPro Pro+ package includes SoilHealth Monitoring Sensors, SmartWater Irrigation Control, DataDriven Crop Management, and 24/7 Expert Support, with ${discount} on the listed prices for a one-year commitment.`;

describe('rule no-change-is-zero', () => {
  it('reads "no discount" and "no increase" as 0 %, and no other "no"', () => {
    const read = (t: string) =>
      extractArticle(t)
        .claims.flatMap((c) => c.quantities)
        .map((q) => [q.text, q.value, q.unitClass]);
    expect(read('They offer no discount on the listed prices.')).toEqual([['no discount', 0, 'percent']]);
    expect(read('There was no increase in total variable gross profits.')).toEqual([
      ['no increase', 0, 'percent'],
    ]);
    expect(read('There is no risk of losing any money, and no one was hurt.')).toEqual([]);
  });

  it('a summary that drops the discount conflicts (SummEdits sales_email_10_7)', () => {
    const found = conflicts(email, summary('no discount'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '15%',
      'no discount',
    ]);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(email, summary('a 15% discount'))).toEqual([]);
  });

  it('a change of nothing does not stop the times of the sentence being compared (SummEdits samsum_train_13820970_9)', () => {
    const dialogue =
      "Sally: Ok, so it's settled you're departing from the main station on June 26th at 1:34 PM. You'll arrive in Bedford at 6:55 PM. . Phoebe: Great, honey.";
    const found = conflicts(
      dialogue,
      'Sally helps Phoebe and Ben to book a bus ticket from the main station on June 26th departing at 2:34 PM, reaching Bedford at 7:55 PM, and they have no discounts as retired citizens.',
    );
    expect(found.length).toBeGreaterThan(0);
  });
});
