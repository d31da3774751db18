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
  /**
   * The sources both claims cite (speaker terms): what the two say one source said. Absent in a
   * part stored by an earlier version while its comparison was under way (parts.ts).
   */
  sharedSources?: readonly string[];
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
  // "claim|figure|article|voice" → the claims of that article stating the figure in that voice: how
  // closely each matches it (frameCloseness), and whom each cites.
  const agreed = new Map<string, Agreement[]>();
  for (const x of agreements) {
    const key = `${x.claim}\u0000${x.text}\u0000${x.article}\u0000${x.voice}`;
    const known = agreed.get(key);
    if (known) known.push(x);
    else agreed.set(key, [x]);
  }
  // Rule agreement-as-close: the other claim answers the conflict only when its figure's own words
  // match at least as closely as the conflicting figure's. A document's "$946 million" for another
  // line is no answer to a summary retelling "$971 million" of this line as "$946 million".
  // v: [voice of a, voice of b, article of a, article of b]. Answered when a's figure is stated by a
  // claim of b's article in b's voice, or b's figure by a claim of a's article in a's voice.
  // Rule same-source-told-apart: where both claims cite one source ("the United States Geological
  // Survey said it had a magnitude of 5.9" / "U.S. Geological Survey puts the magnitude at 6.1"), only a
  // claim citing that source too answers: the other article's "Tehran's seismologic center put the
  // quake's magnitude at 5.9" is another source's figure, and the two still tell the USGS apart.
  const answered = (l: LinkDraft, side: ConflictSide, closeness = side.closeness) => {
    const v = side.voices;
    const shared = side.sharedSources ?? [];
    // A conflict of figures told of different periods (closeness -1, frameCloseness) is answered by
    // any statement, as before: no agreement reads as -1.
    const answers = (key: string) => {
      const found = agreed.get(key);
      if (!found) return -1 >= closeness;
      // Floored at 0, as the closest agreement was read before sources counted.
      return found.some(
        (x) =>
          Math.max(0, x.closeness) >= closeness &&
          (shared.length === 0 || shared.some((t) => x.sources?.includes(t))),
      );
    };
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
  /** The sources the agreeing claim of `article` cites (speaker terms); absent as sharedSources may be. */
  sources?: readonly string[];
}
