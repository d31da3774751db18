// A conflict one of the two articles answers itself elsewhere (it states the other side's figure in
// another claim, in the same voice) is not a disagreement between the articles.
import type { LinkDraft } from '../types';

/**
 * For each figure link: the speaker and article of each side of its figures ([voice a, voice b,
 * article a, article b]) and how closely the two figures' own surroundings match (frameCloseness).
 */
export type Voices = Map<LinkDraft, { voices: [string, string, string, string]; closeness: number }>;

/**
 * A conflict between a figure and one claim of another article is not a disagreement between the
 * articles when another claim of that article states the same figure for the same thing: the first
 * claim was about something else ("420 people hanged" against "4.4 million people live", when the
 * same article also says "the country of 4.4 million people").
 */
export function dropContradictedConflicts(links: LinkDraft[], agreements: Agreement[], voices: Voices) {
  // "claim|figure|article|voice" → how closely the closest claim of that article stating the figure in
  // that voice matches it (frameCloseness).
  const agreed = new Map<string, number>();
  for (const x of agreements) {
    const key = `${x.claim}\u0000${x.text}\u0000${x.article}\u0000${x.voice}`;
    agreed.set(key, Math.max(agreed.get(key) ?? 0, x.closeness));
  }
  return links.filter((l) => {
    const link = voices.get(l);
    if (l.relation !== 'conflict' || !link || !l.explanation.a || !l.explanation.b) return true;
    const v = link.voices;
    // Rule agreement-as-close: the other claim answers the conflict only when its figure's own words
    // match at least as closely as the conflicting figure's. A document's "$946 million" for another
    // line is no answer to a summary retelling "$971 million" of this line as "$946 million".
    const answers = (key: string) => (agreed.get(key) ?? -1) >= link.closeness;
    const { a, b } = l.explanation;
    // v: [voice of a, voice of b, article of a, article of b]. Dropped when a's figure is stated by a
    // claim of b's article in b's voice, or b's figure by a claim of a's article in a's voice.
    return !(
      answers(`${a.claim}\u0000${a.text}\u0000${v[3]}\u0000${v[1]}`) ||
      answers(`${b.claim}\u0000${b.text}\u0000${v[2]}\u0000${v[0]}`)
    );
  });
}

/** A figure of one claim matched by a claim of another article, in a given voice of that article. */
export interface Agreement {
  claim: string;
  text: string;
  article: string;
  voice: string;
  /** How closely the two agreeing figures' own surroundings match (frameCloseness). */
  closeness: number;
}
