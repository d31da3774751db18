// Pragmatic bounds (src/core/crossref/bounds.ts): real pairs from the dev data.
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';
import { granularity } from '../../src/core/crossref/bounds';

function links(docs: Record<string, string>) {
  const claims: ClaimForMatching[] = [];
  for (const [id, text] of Object.entries(docs))
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${id}:${c.position}`, id));
  return crossReference(claims, [], termStatsFrom(claims));
}

describe('granularity', () => {
  it('is the step of the scale a number sits on', () => {
    expect([40, 59, 250, 600, 612, 13e9, 13.2e9, 1.35].map(granularity)).toEqual([
      10, 1, 50, 100, 1, 1e9, 1e8, 0.05,
    ]);
  });
});

describe('pragmatic bounds', () => {
  it('two ranges with different bounds are a soft conflict (SummEdits ectsum_SNA_q1_2021_16)', () => {
    const found = links({
      doc: 'We anticipate that capital expenditures will be in the range of $90 million to $100 million.',
      sum: 'The company anticipates capital expenditures between the range of $80 million to $100 million.',
    });
    expect(found.map((l) => [l.relation, l.severity])).toEqual([['conflict', 'low']]);
    expect(found[0]!.explanation.summary).toContain(
      'both hold only if the real figure is between 90,000,000 and 100,000,000',
    );
  });

  it('a floor differs from one at the next point of its finer scale (rule next-alternative, SummEdits sales_email_12_7)', () => {
    const found = links({
      doc: 'It is trusted by over 1,000 businesses worldwide, with clients reporting a 35% increase in team productivity and a 50% reduction in project lead times.',
      sum: 'Their flagship product is a cloud-based platform which is trusted by over 1,500 businesses worldwide, with clients reporting a 35% increase in team productivity, and a 50% reduction in project lead times.',
    });
    expect(found.map((l) => [l.relation, l.severity])).toContainEqual(['conflict', 'low']);
  });

  it('two floors a reader takes as different figures are a soft conflict (SummEdits sales_email_12_1)', () => {
    const found = links({
      doc: 'It is trusted by over 1,000 businesses worldwide, with clients reporting a 35% increase in team productivity.',
      sum: 'Their platform has been trusted by over 500 businesses worldwide, with clients reporting a 35% increase in team productivity.',
    });
    expect(found.map((l) => [l.relation, l.severity])).toEqual([['conflict', 'low']]);
    expect(found[0]!.explanation.summary).toContain('both hold only if the real figure is above 1,000');
  });

  it('the same range twice agrees', () => {
    const found = links({
      doc: 'We anticipate that capital expenditures will be in the range of $90 million to $100 million.',
      sum: 'The company anticipates capital expenditures in the range of $90 million to $100 million.',
    });
    expect(found.map((l) => l.relation)).toEqual(['corroboration']);
  });

  it('a floor against a figure above it stays quiet (ECB+ 6: "over $363 million" vs "$368.0 million", labelled compatible)', () => {
    const found = links({
      a: "In terms of figures, ''The Hunger Games'' has already brought in over $363 million.",
      b: 'The Hunger Games has grossed $368.0 million globally after its third-biggest domestic debut weekend.',
    });
    expect(found.filter((l) => l.relation === 'conflict')).toEqual([]);
  });

  it('a floor told in parts is no soft conflict (EQUATE NewsNLI-522, entailed)', () => {
    const found = links({
      p: 'In Alagoas , more than 11,000 homes have been destroyed and another 7,000 damaged , Agencia Brasil said .',
      h: 'More than 18,000 homes damaged or destroyed in Alagoas state',
    });
    expect(found.filter((l) => l.relation === 'conflict')).toEqual([]);
  });

  it('a floor and a ceiling on one number contradict each other (rule opposite-bounds, SummEdits ectsum_AN_q3_2020_26)', () => {
    const found = links({
      doc: 'We plan to build over 100 AutoNation USA pre-owned stores, with over 50 completed by the end of 2025.',
      sum: 'The company plans to expand by building fewer than 100 AutoNation USA pre-owned stores, with over 50 completed by the end of 2025.',
    });
    expect(found.filter((l) => l.relation === 'conflict').map((l) => l.explanation.b?.text)).toEqual([
      'fewer than 100 AutoNation USA pre-owned stores',
    ]);
  });

  it('a floor and a ceiling that both admit the number still meet ("at least 100" and "up to 100")', () => {
    const found = links({
      a: 'At least 100 people were hurt in the blast, officials said.',
      b: 'Up to 100 people were hurt in the blast, officials said.',
    });
    expect(found.filter((l) => l.relation === 'conflict')).toEqual([]);
  });
});

describe('rule stated-maximum', () => {
  it('two different maxima of one figure are a soft conflict (SummEdits sales_email_3)', () => {
    const found = links({
      doc: 'With features such as real-time monitoring, occupancy-based HVAC control, and advanced energy analytics, EcoGenius can reduce your energy costs by up to 30% while creating a more sustainable work environment.',
      sum: 'EcoGenius is a company that offers Smart Building Solutions that help reduce energy consumption and carbon footprint. They provide an automated energy management system that can help reduce energy costs by up to 50%, but they only offer a 15-day risk-free trial for their pricing plans.',
    });
    expect(found.map((l) => [l.relation, l.severity])).toEqual([['conflict', 'low']]);
    expect(found[0]!.explanation.summary).toContain('one states a maximum of 30');
  });

  it('a stated maximum against a limit below it stays quiet ("up to 30%" and "under 50%")', () => {
    const found = links({
      doc: 'EcoGenius can reduce your energy costs by up to 30% while creating a more sustainable work environment.',
      sum: 'EcoGenius can reduce energy costs by under 50% while creating a more sustainable work environment.',
    });
    expect(found.filter((l) => l.relation === 'conflict')).toEqual([]);
  });
});

describe('rule precise-hedge', () => {
  const outlook = (eps: string) =>
    `Bunge raised its full year adjusted earnings per share outlook to approximately ${eps} per share.`;

  it('two approximations given to the cent that differ are a soft conflict (SummEdits ectsum_BG_q1_2021_24)', () => {
    const found = links({ doc: outlook('$7.50'), sum: outlook('$7.60') });
    expect(found.filter((l) => l.relation === 'conflict').map((l) => l.severity)).toEqual(['low']);
    expect(found.find((l) => l.relation === 'conflict')!.explanation.summary).toContain(
      'is given to 2 decimal places',
    );
  });

  it('the same approximation twice agrees, and a round "about 50" keeps its ±10 %', () => {
    expect(
      links({ doc: outlook('$7.50'), sum: outlook('$7.50') }).filter((l) => l.relation === 'conflict'),
    ).toEqual([]);
    const round = links({
      a: 'About 50 countries joined the coalition against the group, officials said.',
      b: 'Some 53 countries joined the coalition against the group, officials said.',
    });
    expect(round.filter((l) => l.relation === 'conflict')).toEqual([]);
  });
});
