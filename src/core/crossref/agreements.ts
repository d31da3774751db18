// A conflict one of the two articles answers itself elsewhere (it states the other side's figure in
// another claim, in the same voice) is not a disagreement between the articles.
import type { LinkDraft } from '../types';

/** One conflicting pair of figures of a link: its voices, its closeness and its figures' texts. */
export interface ConflictSide {
  /** [voice of a's figure, voice of b's figure, article of a, article of b]. */
  voices: [string, string, string, string];
  /** How closely the two figures' own surroundings match (frameCloseness). */
  closeness: number;
  /** The texts of a's figure and b's figure. */
  texts: [string, string];
}

/**
 * For each figure link: the pair of figures it sets side by side, and the link's other conflicting
 * pairs, each with the link it would make (the next one stands when the first is answered elsewhere).
 */
export type Voices = Map<
  LinkDraft,
  ConflictSide & { others: (ConflictSide & { relink: () => LinkDraft })[] }
>;

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
  // Rule agreement-as-close: the other claim answers the conflict only when its figure's own words
  // match at least as closely as the conflicting figure's. A document's "$946 million" for another
  // line is no answer to a summary retelling "$971 million" of this line as "$946 million".
  // v: [voice of a, voice of b, article of a, article of b]. Answered when a's figure is stated by a
  // claim of b's article in b's voice, or b's figure by a claim of a's article in a's voice.
  const answered = (l: LinkDraft, side: ConflictSide, closeness = side.closeness) => {
    const v = side.voices;
    const answers = (key: string) => (agreed.get(key) ?? -1) >= closeness;
    return (
      answers(`${l.a}\u0000${side.texts[0]}\u0000${v[3]}\u0000${v[1]}`) ||
      answers(`${l.b}\u0000${side.texts[1]}\u0000${v[2]}\u0000${v[0]}`)
    );
  };
  return links.filter((l) => {
    const link = voices.get(l);
    if (l.relation !== 'conflict' || !link || !l.explanation.a || !l.explanation.b) return true;
    if (!answered(l, link)) return true;
    // Rule other-conflict-stands: a link whose first conflict is answered elsewhere still stands on
    // another conflicting pair of its figures that is not ("$437 million" against "$1.7 billion" is
    // answered by the forecast stated elsewhere; "$441 million" against "$442 million" is not). The
    // link is told on that pair instead (in place: a trail knows the link by identity).
    // Only a pair tied more closely by its figures' own words than the answered one: the answer shows
    // that pairing joined two different lines; where the figures of both pairs are tied alike, it
    // shows the two claims are about different things ("13 homers … with the Angels" against "33
    // homers" of the season, answered on the RBIs alike).
    // And, being a second reading of the two claims, it stands only on figures the other article
    // states nowhere alike, however closely (the summary's "$11,250 million" is the top of the
    // document's range "between $11,100 million and $11,250 million").
    const other = link.others.find((o) => o.closeness > link.closeness && !answered(l, o, 0));
    if (!other) return false;
    Object.assign(l, other.relink());
    return true;
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
