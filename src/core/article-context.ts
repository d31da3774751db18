// What an article says as a whole, for every claim's context: the names it cites only as sources,
// the words it capitalises mid-sentence, the keys it returns to most.

import { isTerm, retag, term } from './terms';
import type { EntityMention, Span } from './types';
import { startsUpper, type Token } from './words';

/**
 * The part of every claim's context that is the article's, not the sentence's: its weekdays (a last
 * resort for telling two incidents apart), names, times, protagonists, central and speaking names.
 * Their upper-case prefixes never meet a sentence's own terms, so it is the same list for every claim
 * and is built once, in the order the cross-referencer has always seen it.
 */
export function articleWideContext(
  weekdays: string[],
  names: string[],
  times: string[],
  protagonists: string[],
  central: string[],
  speaking: string[],
  givenNames: string[] = [],
): string[] {
  return [
    ...weekdays.map((w) => retag(w, 'article-weekday')),
    ...names.map((k) => retag(k, 'article-name')),
    ...times,
    ...protagonists.map((k) => retag(k, 'protagonist')),
    ...central.map((k) => retag(k, 'central-actor')),
    ...speaking.map((k) => retag(k, 'speaking-name')),
    ...givenNames.map((k) => term('given-name', k)),
  ];
}

const CITED =
  /\b(?:[Tt]old|[Aa]ccording to|[Qq]uoted by|[Rr]eported by|in an interview with|(?:said|says|wrote|writes|posted) on)(?: [Tt]he)?(?: [A-Z][\w.]*){0,2} ?$/;

/** The mentions inside each sentence, in one pass (both lists are in reading order). */
export function mentionsBySentence(sentences: Span[], mentions: EntityMention[]): EntityMention[][] {
  const out: EntityMention[][] = sentences.map(() => []);
  let k = 0;
  for (const m of mentions) {
    while (k < sentences.length && sentences[k]!.end <= m.start) k++;
    if (k < sentences.length && m.start >= sentences[k]!.start && m.end <= sentences[k]!.end) out[k]!.push(m);
  }
  return out;
}

/** Keys every sentence naming them cites as its speaker. */
export function onlyCited(perSentence: string[][], speakers: string[][]): Set<string> {
  const cited = new Set(speakers.flat());
  perSentence.forEach((keys, i) => {
    for (const k of keys) if (!speakers[i]!.includes(k)) cited.delete(k);
  });
  return cited;
}

/** Names the article only ever cites as a source: "told the LA Times", "according to Reuters", "said on Twitter". */
export function citedSources(text: string, mentions: EntityMention[]): Set<string> {
  const cited = new Set<string>();
  const acting = new Set<string>();
  for (const m of mentions)
    (CITED.test(text.slice(Math.max(0, m.start - 30), m.start)) ? cited : acting).add(m.key);
  for (const k of acting) cited.delete(k);
  return cited;
}

/** Words the article capitalises somewhere other than at a sentence start: names, not sentence openers. */
export function capitalisedMidSentence(sentences: Token[][]): Set<string> {
  const names = new Set<string>();
  for (const tokens of sentences) {
    for (let k = 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      const after = tokens[k - 1]!.text;
      if (t.type === 'word' && startsUpper(t.text) && after !== '"' && after !== ':') names.add(t.text);
    }
  }
  return names;
}

/** A month (t:), year (y:) or day (d:) term. */
export const isTimeTerm = (t: string) => isTerm(t, 'month') || isTerm(t, 'year') || isTerm(t, 'date');

/** In how many sentences each key appears. */
export function sentenceCounts(perSentence: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const keys of perSentence) for (const k of new Set(keys)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** The keys an article mentions most (at least `min` times): the topic every claim in it shares. */
export function mostFrequent(perSentence: string[][], min: number, limit: number): string[] {
  return topKeys(sentenceCounts(perSentence), min, limit);
}

export function topKeys(counts: Map<string, number>, min: number, limit: number): string[] {
  return [...counts.entries()]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k]) => k);
}
