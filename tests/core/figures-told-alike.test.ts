// Rule figures-told-alike (src/core/crossref/wording.ts, with no-shared-anchor): two sentences that
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

  it('one figure told alike is not enough', () => {
    expect(conflicts(email, summary('25%', 'next week'))).toEqual([]);
  });
});
