// Extraction and cross-referencing take time linear in the text on any input (issue 19): adversarial
// repetitions ("A ", "Mr A. ", "57 countries ", runs of digits, commas, parentheses, quotes, capitals…)
// and random ones are compared at a size n and at 4n. A linear path takes about 4 times the CPU, a
// quadratic one 16 times; the test fails above 12. Generous: between 128 KB and 1 MB the CPU per byte
// of a linear path itself grows (caches, the garbage collector's old generation), measured up to ~10x
// for 4x on a loaded machine, while 1 MB to 2 MB doubles it; the quadratic paths this test found took
// 16-150x. CPU time of this process (process.cpuUsage), not wall time, medians of three runs after a
// warm-up. Each run starts after a full garbage collection and ends with one inside its timing, so it
// pays for exactly its own garbage: timed without, a run cost half as much when no major collection
// happened to fall inside it (150 against 260 ms for "Kyiv%" in 4 documents at 256 KB), and the ratio
// then went past the limit on a linear path (four trials at load 16: 5.3-8.3x without, 3.8-5.3x with).
// n grows until the smaller run takes long enough to measure.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossReference, entityNames, extractArticle, termStatsFrom, toMatchable } from '../../src/core';
import { ADVERSARIES, repeatTo } from '../tools/adversarial/inputs';

const MAX_RATIO = 12;
/** The smaller run is grown until it takes this long (or reaches MAX_N): shorter is mostly noise. */
const MIN_MS = 60;
const START_N = 64 * 1024;
const MAX_N = 256 * 1024;
/** One input's eight timed runs take 10-35 s under load 15 (the suite's 30 s default is for one request's work). */
const CASE_TIMEOUT_MS = 120_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function cpuMs(run: () => void): number {
  gc();
  const t0 = process.cpuUsage();
  run();
  gc();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * What POST /api/compare does, without its caps on claims per document (the point is the cost of
 * what the caps would let through, and beyond): extract each, cross-reference all claims.
 */
function compareDocuments(documents: { id: string; text: string }[]) {
  const articles = documents.map((d) => extractArticle(d.text, { html: false }));
  const claims = articles.flatMap((a, i) =>
    a.claims.map((c) => toMatchable(c, `${documents[i]!.id}:${c.position}`, documents[i]!.id)),
  );
  return crossReference(claims, [], termStatsFrom(claims), entityNames(articles));
}

/** CPU ms to compare `docs` documents that together hold the unit repeated to `bytes`. */
function timeAt(unit: string, bytes: number, docs: number): number {
  const text = repeatTo(unit, Math.ceil(bytes / docs));
  const documents = Array.from({ length: docs }, (_, i) => ({ id: `d${i}`, text }));
  compareDocuments(documents);
  return median([0, 1, 2].map(() => cpuMs(() => compareDocuments(documents))));
}

interface Growth {
  unit: string;
  docs: number;
  n: number;
  small: number;
  large: number;
  ratio: number;
}

function growth(unit: string, docs: number): Growth {
  let n = START_N;
  let small = timeAt(unit, n, docs);
  while (small < MIN_MS && n < MAX_N) {
    n *= 2;
    small = timeAt(unit, n, docs);
  }
  const large = timeAt(unit, 4 * n, docs);
  return { unit, docs, n, small, large, ratio: large / Math.max(small, MIN_MS) };
}

const show = (g: Growth) =>
  `${JSON.stringify(g.unit)} in ${g.docs} document(s): ${g.n} B ${g.small.toFixed(1)} ms, ` +
  `${4 * g.n} B ${g.large.toFixed(1)} ms (x${g.ratio.toFixed(1)})`;

const PIECES = [
  'A',
  'Mr',
  ' ',
  '.',
  ',',
  '(',
  ')',
  '"',
  "'",
  '-',
  '\n',
  '57',
  '1,000',
  '3.5',
  '%',
  '$',
  'countries',
  'million',
  'said',
  'the',
  'of',
  'Kyiv',
  'NATO',
  'Monday',
];

describe('time linear in the text', () => {
  it.each(ADVERSARIES.map((a) => [a.name, a.unit] as const))(
    '%j repeated',
    (_name, unit) => {
      const g = growth(unit, 1);
      expect(g.ratio, show(g)).toBeLessThan(MAX_RATIO);
    },
    CASE_TIMEOUT_MS,
  );

  // Across documents every figure of one claim meets every figure of the other: a "sentence" of
  // thousands of figures without a full stop made two of them take minutes (64 KB of "57 countries "
  // in each of two documents: 35 s) until the figures compared per claim were capped.
  it.each(
    ['57 countries ', 'digits with spaces', 'numbers and commas', 'money', 'percent', 'ranges'].map(
      (name) => [name, ADVERSARIES.find((a) => a.name === name)!.unit] as const,
    ),
  )(
    '%j repeated in two documents',
    (_name, unit) => {
      const g = growth(unit, 2);
      expect(g.ratio, show(g)).toBeLessThan(MAX_RATIO);
    },
    CASE_TIMEOUT_MS,
  );

  // Retried: run beside other test files, a linear input has measured 12.2–13.0x (cache and GC
  // contention); a super-linear path fails every attempt (16–150x), so the limit keeps its meaning.
  it('within one document and across several, on random repetitions', { retry: 2, timeout: 300_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
        fc.constantFrom(1, 4),
        (unit, docs) => {
          const g = growth(unit, docs);
          expect(g.ratio, show(g)).toBeLessThan(MAX_RATIO);
        },
      ),
      { numRuns: 6, seed: 20261206 },
    );
  });
});
