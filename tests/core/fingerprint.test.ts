// Detection must not move unless a commit says so: every claim's terms, keys and figures and every link
// over the seeds and the eval data hash to the stored values (tests/core/fingerprint.expected.json).
// A deliberate change of behaviour rewrites them with `npm run fingerprint -- --write`, its eval delta
// in the commit message. `npm run fingerprint` prints which dataset moved.
import { describe, expect, it } from 'vitest';
import { evalDir, evalPrints, readExpected, seedsPrint } from '../tools/fingerprint/fingerprint-corpus';

const expected = readExpected();
const dir = evalDir();
if (!dir)
  console.warn(
    'fingerprint: ../shared/eval not found beside the repository (or in CROSSCHECK_EVAL): the eval datasets are not checked, only the seeds.',
  );

describe('detection fingerprint', () => {
  it('seeds: same claims and links as expected', () => {
    expect(seedsPrint().hash).toBe(expected.seeds);
  });

  it.skipIf(!dir)(
    'EQUATE, ECB+ and SummEdits dev: same claims and links as expected',
    () => {
      const prints = evalPrints(dir!);
      const hashes = Object.fromEntries(Object.entries(prints).map(([k, p]) => [k, p.hash]));
      const { seeds: _, ...rest } = expected;
      expect(hashes).toEqual(rest);
    },
    180_000,
  );
});
