// Rule either-fate (src/core/crossref/either-fate.ts): a count of what met either of two fates is wider
// than a count of one of them. Real sentences from ECB+ topic 20.
import { describe, expect, it } from 'vitest';
import { conflictFigures } from '../helpers/core';

describe('either-fate', () => {
  // ECB+ 20_3ecbplus against 20_4ecbplus: a false conflict before the rule.
  const flattened =
    'An earthquake measuring at least magnitude - 5.9 shook a sparsely populated area of southern Iran on Sunday, flattening seven villages and killing 10 people, officials said.';
  const either =
    'He said 30 of the 80 wounded remained in hospital after the tremor in southern Iran, which destroyed or damaged an estimated 1, 500 mudbrick houses in about 15 villages on the island.';

  it('does not set seven villages flattened against about 15 destroyed or damaged', () => {
    expect(conflictFigures(flattened, either).filter(([a]) => a?.includes('villages'))).toEqual([]);
  });

  it('compares a single fate counted above the union, and two unions', () => {
    expect(
      conflictFigures(flattened.replace('seven', '25'), either).filter(([a]) => a?.includes('villages')),
    ).toHaveLength(1);
    expect(
      conflictFigures(either, either.replace('about 15', 'about 40')).filter(([a]) =>
        a?.includes('villages'),
      ),
    ).toHaveLength(1);
  });
});
