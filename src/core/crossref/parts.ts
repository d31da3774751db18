// Cross-referencing in parts: the stored claims cut into chunks, each compared with the incoming claims
// on its own (a Worker invocation each), and the parts joined at the end, where the article-wide rule
// agreed-elsewhere runs. Joined, the parts make the links crossReference makes, in its order.
import type { ClaimForMatching, LinkDraft, TermStats } from '../types';
import { type Agreement, type ConflictSide, dropContradictedConflicts, type Voices } from './agreements';
import { blocksOf, forEachCandidate } from './blocking';
import { compareClaims } from './compare';
import { idfFor } from './similarity';
import type { Names } from './trail';

/** One link of a part, with what the article-wide rule needs of it; plain data (it is stored between parts). */
export interface LinkPart {
  link: LinkDraft;
  /**
   * Where crossReference meets the pair: [incoming claim, its key, 0 for an incoming partner or 1
   * for a stored one, the partner's place among the incoming or among all the stored claims].
   */
  order: [number, number, number, number];
  /** The figures it sets side by side, and its other conflicting pairs with the link each makes. */
  side: ConflictSide | null;
  others: { side: ConflictSide; link: LinkDraft }[];
}

export interface CrossReferencePart {
  links: LinkPart[];
  agreements: Agreement[];
}

/**
 * The pairs crossReference(incoming, all stored claims) compares in which the stored claim is one of
 * `stored`, the chunk of all stored claims that starts at place `offset`; with `ownPairs`, also the
 * pairs of two incoming claims (exactly one part of a whole should have them). Blocks are counted
 * within the chunk: a key shared by more than MAX_BLOCK_SIZE claims of the whole, or a claim met more
 * than MAX_CANDIDATES_PER_CLAIM times, could be compared in parts where it would not be whole (no
 * article of the eval corpora comes near either bound).
 */
export function crossReferencePart(
  incoming: ClaimForMatching[],
  stored: ClaimForMatching[],
  stats: TermStats,
  names: Names,
  { offset, ownPairs }: { offset: number; ownPairs: boolean },
): CrossReferencePart {
  const links: LinkPart[] = [];
  const agreements: Agreement[] = [];
  const voices: Voices = new Map();
  const idf = idfFor(stats);
  const place = new Map(stored.map((c, i) => [c.ref, offset + i]));
  forEachCandidate(blocksOf(incoming, stored), incoming.length, (a, b, key) => {
    if (!ownPairs && b.incomingAt !== undefined) return;
    const link = compareClaims(a, b, idf, names, agreements, voices);
    if (!link) return;
    const own = b.incomingAt !== undefined;
    const order: LinkPart['order'] = [
      a.incomingAt!,
      a.c.keys.indexOf(key),
      own ? 0 : 1,
      own ? b.incomingAt! : place.get(b.c.ref)!,
    ];
    const v = voices.get(link);
    links.push({
      link,
      order,
      side: v
        ? { voices: v.voices, closeness: v.closeness, texts: v.texts, sharedSources: v.sharedSources }
        : null,
      others: (v?.others ?? []).map(({ relink, ...side }) => ({ side, link: relink() })),
    });
  });
  return { links, agreements };
}

const byOrder = (x: LinkPart, y: LinkPart) =>
  x.order[0] - y.order[0] || x.order[1] - y.order[1] || x.order[2] - y.order[2] || x.order[3] - y.order[3];

/** The links of all parts of one comparison, in crossReference's order, after the article-wide rule. */
export function joinParts(parts: CrossReferencePart[]): LinkDraft[] {
  const all = parts.flatMap((p) => p.links).sort(byOrder);
  const voices: Voices = new Map();
  for (const l of all)
    if (l.side)
      voices.set(l.link, {
        ...l.side,
        others: l.others.map((o) => ({ ...o.side, relink: () => o.link })),
      });
  return dropContradictedConflicts(
    all.map((l) => l.link),
    parts.flatMap((p) => p.agreements),
    voices,
  );
}
