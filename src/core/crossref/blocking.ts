// Candidate blocking: two claims are compared only when they share a blocking key, and a key shared by
// too many claims is skipped so that one common key cannot blow up the comparisons.
import type { ClaimForMatching } from '../types';
import { ClaimView } from './view';

/** A key shared by more claims than this says little; skip it so one common key cannot blow up. */
export const MAX_BLOCK_SIZE = 500;
/**
 * Claims one claim is compared with, at most (issue 19: the work of one request is bounded): its up
 * to 48 keys of up to MAX_BLOCK_SIZE claims each could otherwise make 24,000 comparisons. No claim of
 * the eval corpora comes near it (the fingerprint is unchanged).
 */
export const MAX_CANDIDATES_PER_CLAIM = 2000;

export interface Blocks {
  views: ClaimView[];
  /** The claims (as views) under each key. */
  index: Map<string, ClaimView[]>;
}

/** Views of the incoming claims then the stored ones, indexed by key. */
export function blocksOf(incoming: ClaimForMatching[], stored: ClaimForMatching[]): Blocks {
  const views = [...incoming, ...stored].map((c) => new ClaimView(c));
  const index = new Map<string, ClaimView[]>();
  for (const v of views) {
    for (const k of v.c.keys) {
      const list = index.get(k);
      if (list) list.push(v);
      else index.set(k, [v]);
    }
  }
  const incomingRefs = new Map(incoming.map((c, i) => [c.ref, i]));
  for (const v of views) v.incomingAt = incomingRefs.get(v.c.ref);
  return { views, index };
}

/**
 * Calls `visit(a, b)` once for every pair to compare: each incoming claim against every claim sharing
 * a key with it (incoming or stored), each pair once. Stored claims are assumed already
 * cross-referenced with each other.
 */
export function forEachCandidate(
  { views, index }: Blocks,
  incomingCount: number,
  visit: (a: ClaimView, b: ClaimView, key: string) => void,
): void {
  // The pairs compared so far, as the refs b compared with each ref a.
  const seen = new Map<string, Set<string>>();
  for (let ai = 0; ai < incomingCount; ai++) {
    const a = views[ai]!;
    const ref = a.c.ref;
    let done = seen.get(ref);
    if (!done) {
      done = new Set();
      seen.set(ref, done);
    }
    let compared = 0;
    keys: for (const k of a.c.keys) {
      const block = index.get(k)!;
      if (block.length > MAX_BLOCK_SIZE) continue;
      for (const b of block) {
        const bi = b.incomingAt;
        if (b.c.ref === ref || (bi !== undefined && bi < ai) || done.has(b.c.ref)) continue;
        if (++compared > MAX_CANDIDATES_PER_CLAIM) break keys;
        done.add(b.c.ref);
        visit(a, b, k);
      }
    }
  }
}

/** Why two claims were never compared ('no-shared-key', 'crowded-keys'), or null when they were. */
export function blockingRejection(
  a: ClaimForMatching,
  b: ClaimForMatching,
  blockSize: (key: string) => number,
): { rule: 'no-shared-key' | 'crowded-keys'; detail: string } | { rule: null; key: string } {
  const theirs = new Set(b.keys);
  const shared = a.keys.filter((k) => theirs.has(k));
  if (shared.length === 0)
    return {
      rule: 'no-shared-key',
      detail: `keys ${a.keys.slice(0, 4).join(', ') || 'none'} against ${b.keys.slice(0, 4).join(', ') || 'none'}`,
    };
  const usable = shared.find((k) => blockSize(k) <= MAX_BLOCK_SIZE);
  if (usable === undefined)
    return {
      rule: 'crowded-keys',
      detail: `${shared.join(', ')}: each shared by more than ${MAX_BLOCK_SIZE} claims`,
    };
  return { rule: null, key: usable };
}
