// What a claim's sentence is about when it opens with a pronoun, and which times date its event.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';

const termsOf = (text: string, figure: string) =>
  extractArticle(text).claims.find((c) => c.text.includes(figure))!.terms;

describe('rule carried-subject: a pronoun names what it can stand for', () => {
  const text =
    'Rodriguez, and the broader Obama administration, praise the work of the World Food Programme, which Rodriguez visited in spring. It is a network of 80 countries that feeds millions.';

  it('"it" takes the sentence before\'s subject and its nearest thing, not the names between', () => {
    const terms = termsOf(text, '80 countries');
    const names = extractArticle(text).entities;
    const key = (name: string) => names.find((e) => e.name.includes(name))!.key;
    expect(terms).toContain(key('World Food'));
    expect(terms).toContain(key('Rodriguez'));
    expect(terms).not.toContain(key('Obama'));
  });

  it('"he" takes people only', () => {
    const he = 'Detectives said Mark Smith drove from Troy to Detroit. He had stolen 3 cars.';
    const terms = termsOf(he, '3 cars');
    const names = extractArticle(he).entities;
    const key = (name: string) => names.find((e) => e.name.includes(name))!.key;
    expect(terms).toContain(key('Smith'));
    expect(terms).not.toContain(key('Detroit'));
  });
});

describe('rule period-bound: a year that bounds a period dates no event', () => {
  it('"since 2022" gives no year; "in 2022" does', () => {
    expect(termsOf('The group has coordinated aid for 54 countries since 2022.', '54')).not.toContain(
      'y:2022',
    );
    expect(termsOf('The group coordinated aid for 54 countries in 2022.', '54')).toContain('y:2022');
    expect(termsOf('He served 12 years until March 1997.', '12 years')).not.toContain('y:1997');
  });
});
