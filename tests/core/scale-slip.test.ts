// Rule scale-slip (a choice rule of crossref/measures.ts): one figure written with the same digits
// and another scale word is compared past the 4x cap, a real example from SummEdits dev.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { scaleSlip } from '../../src/core/crossref/scale-slip';
import type { Quantity } from '../../src/core/types';

/** The first amount ("Slide 6" is the number of a name, a code: codes.ts). */
const first = (text: string): Quantity =>
  extractArticle(text)
    .claims.flatMap((c) => c.quantities)
    .filter((q) => !q.unitClass.startsWith('code:'))[0]!;

describe('scaleSlip', () => {
  const billion = first(
    'Turning to Slide 6, on a consolidated basis, our sales increased to a record $1.65 billion up 2.7% over a strong fiscal 2021 first quarter.',
  );
  const million = first("The company's consolidated sales increased to a record $165 million.");

  it('pairs "$1.65 billion" with "$165 million": the same digits, the scale word slipped (ectsum_RPM_q1_2022_7)', () => {
    expect(scaleSlip(billion, million)).toBe(true);
    expect(scaleSlip(million, billion)).toBe(true);
  });

  it('does not pair other digits, one digit, or figures a non-power of ten apart', () => {
    expect(scaleSlip(billion, first('Sales reached $150 million.'))).toBe(false);
    expect(scaleSlip(first('Sales reached $2 billion.'), first('Sales reached $2 million.'))).toBe(false);
    expect(scaleSlip(billion, first('Sales reached $1.65 million.'))).toBe(true);
    expect(scaleSlip(billion, first('Sales reached $1.65 billion.'))).toBe(false);
  });
});
