import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { splitSentences } from '../../src/core/sentences';
import { htmlToText, normalizeText } from '../../src/core/text';

describe('normalization and sentences', () => {
  it('straightens quotes, drops invisible characters and collapses whitespace', () => {
    expect(normalizeText('“Hello”\u200b  it’s   here\r\n\r\nnext')).toBe('"Hello" it\'s here\nnext');
  });

  it('reduces HTML to text and drops scripts', () => {
    const text = htmlToText('<p>One &amp; two</p><script>alert(1)</script><div>three<br>four</div>');
    expect(normalizeText(text)).toBe('One & two\nthree\nfour');
  });

  it('repairs sentence splits after abbreviations and initials', () => {
    const text = 'Secretary of Defense Lloyd J. Austin III met Mr. Smith in the U.S. capital. Then he left.';
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual([
      'Secretary of Defense Lloyd J. Austin III met Mr. Smith in the U.S. capital.',
      'Then he left.',
    ]);
  });

  it('gives claims offsets that slice the normalized text back to the claim', () => {
    const article = extractArticle(
      '<p>First, 57 countries met.</p><p>Then “some 50 partners” agreed on 3 plans.</p>',
    );
    for (const c of article.claims) {
      expect(article.text.slice(c.start, c.end)).toBe(c.text);
      for (const q of c.quantities) expect(article.text.slice(q.start, q.end)).toBe(q.text);
    }
    expect(article.claims.length).toBeGreaterThan(0);
  });
});

describe('entities', () => {
  const keyOf = (text: string, surface: RegExp) => {
    const a = extractArticle(text);
    return a.mentions.find((m) => surface.test(m.surface))?.key;
  };

  it('folds transliterations and surnames to one key', () => {
    expect(keyOf('Officials met in Kiev on Monday.', /Kiev/)).toBe(
      keyOf('Officials met in Kyiv on Monday.', /Kyiv/),
    );
    expect(keyOf('President Volodymyr Zelensky spoke.', /Zelensky/)).toBe(
      keyOf('Later Zelenskiy spoke again.', /Zelenskiy/),
    );
    expect(keyOf('Defense Secretary Lloyd J. Austin III arrived.', /Austin/)).toBe(
      keyOf('Later Austin said more.', /Austin/),
    );
  });

  it('meets an acronym and the name it abbreviates', () => {
    expect(keyOf('He rallied the Ukraine Defense Contact Group again.', /Contact/)).toBe(
      keyOf('The 25th meeting of UDCG opens.', /UDCG/),
    );
  });

  it('attributes quotes to their speaker', () => {
    const a = extractArticle('"We have mobilized about 50 countries to help," Austin told reporters.');
    expect(a.claims[0]!.quotes[0]).toMatchObject({ speakerText: 'Austin' });
  });
});
