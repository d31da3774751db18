// findQuoteSpans reads the text once (issue 19: the indexOf loop it replaced was quadratic on a text of
// thousands of quotes once optimised): same spans as the loop it replaced, on random text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/core/quotes';
import type { Span } from '../../src/core/types';

/** The replaced implementation, as the reference. */
function reference(text: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    if (open >= 0) {
      const newline = text.indexOf('\n', open);
      if (newline >= 0 && newline < i) open = -1;
    }
    if (open < 0) open = i;
    else {
      const words = text
        .slice(open + 1, i)
        .trim()
        .split(/\s+/);
      if (words.length >= 3) spans.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return spans;
}

describe('findQuoteSpans', () => {
  it('finds the spans the indexOf loop found', () => {
    const piece = fc.constantFrom('"', '\n', ' ', '  ', '\t', 'a', 'said', '\u00a0', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(findQuoteSpans(text)).toEqual(reference(text));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });
});
