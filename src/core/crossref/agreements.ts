// A conflict one of the two articles answers itself elsewhere (it states the other side's figure in
// another claim, in the same voice) is not a disagreement between the articles.
import type { LinkDraft } from '../types';

/** The speaker and article of each side of a link's figures: [voice a, voice b, article a, article b]. */
export type Voices = Map<LinkDraft, [string, string, string, string]>;

/**
 * A conflict between a figure and one claim of another article is not a disagreement between the
 * articles when another claim of that article states the same figure for the same thing: the first
 * claim was about something else ("420 people hanged" against "4.4 million people live", when the
 * same article also says "the country of 4.4 million people").
 */
export function dropContradictedConflicts(links: LinkDraft[], agreements: Agreement[], voices: Voices) {
  // "claim|figure|article|voice": the figure is stated by a claim of that article, in that voice.
  const agreed = new Set(
    agreements.map((x) => `${x.claim}\u0000${x.text}\u0000${x.article}\u0000${x.voice}`),
  );
  return links.filter((l) => {
    const v = voices.get(l);
    if (l.relation !== 'conflict' || !v || !l.explanation.a || !l.explanation.b) return true;
    const { a, b } = l.explanation;
    // v: [voice of a, voice of b, article of a, article of b]. Dropped when a's figure is stated by a
    // claim of b's article in b's voice, or b's figure by a claim of a's article in a's voice.
    return !(
      agreed.has(`${a.claim}\u0000${a.text}\u0000${v[3]}\u0000${v[1]}`) ||
      agreed.has(`${b.claim}\u0000${b.text}\u0000${v[2]}\u0000${v[0]}`)
    );
  });
}

/** A figure of one claim matched by a claim of another article, in a given voice of that article. */
export interface Agreement {
  claim: string;
  text: string;
  article: string;
  voice: string;
}
