// Quotes and their speakers: each quote in the sentence where it ends, its speaker resolved to an
// entity where the text allows (a name, or "he" for the last person named before).

import { findSpeakerText, makeQuote } from './quotes';
import type { Entity, Quote, Span } from './types';
import { isSpace, startsUpper } from './words';

export function assignQuotes(
  text: string,
  sentences: Span[],
  spans: Span[],
  entities: Entity[],
  perSentence: string[][],
  persons: Set<string>,
): Quote[][] {
  const out: Quote[][] = sentences.map(() => []);
  let previous: Quote | null = null;
  const sentenceAt = (offset: number) =>
    Math.max(
      0,
      sentences.findIndex((s) => s.end > offset),
    );
  for (const span of spans) {
    // A quote belongs to the sentence where it ends; attribution is looked for there, then where it starts.
    const i = sentenceAt(span.end - 1);
    const first = sentenceAt(span.start);
    const who =
      findSpeakerText(text, span, sentences[i]!) ??
      (first !== i ? findSpeakerText(text, span, sentences[first]!) : null);
    let quote = makeQuote(
      text,
      span,
      who,
      resolveSpeaker(who, entities, () => lastPersonBefore(i, perSentence, persons)),
    );
    // An unattributed quote that follows an attributed one straight on continues the same speaker.
    if (!who && previous && previous.speakerText && text.slice(previous.end, span.start).length < 60) {
      quote = { ...quote, speaker: previous.speaker, speakerText: previous.speakerText };
    }
    out[i]!.push(quote);
    previous = quote;
  }
  return out;
}

function lastPersonBefore(i: number, perSentence: string[][], persons: Set<string>): string | null {
  for (let k = i; k >= 0; k--) {
    const keys = perSentence[k]!;
    for (let j = keys.length - 1; j >= 0; j--) if (persons.has(keys[j]!)) return keys[j]!;
  }
  return null;
}

/**
 * Map "Austin", "he" or "the official" to an entity key where the text allows it. `lastPerson` is asked
 * only for a pronoun: most quotes name their speaker, and looking back through the article costs more.
 */
function resolveSpeaker(
  who: string | null,
  entities: Entity[],
  lastPerson: () => string | null,
): string | null {
  if (!who) return null;
  if (/^(he|she)$/i.test(who)) return lastPerson();
  const words = who.split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase();
  if (!startsUpper(words[words.length - 1]!)) return null;
  const match = entities.find((e) => e.aliases.some((a) => hasWord(a.toLowerCase(), last)));
  return match?.key ?? null;
}

/**
 * Whether `word` is one of phrase.split(/\s+/): an occurrence with white space or the phrase's edge on
 * both sides, found without splitting every alias of every entity for every quote.
 */
function hasWord(phrase: string, word: string): boolean {
  if (word === '') return phrase.split(/\s+/).includes(word);
  for (let at = phrase.indexOf(word); at >= 0; at = phrase.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (
      (at === 0 || isSpace(phrase.charCodeAt(at - 1))) &&
      (end === phrase.length || isSpace(phrase.charCodeAt(end)))
    )
      return true;
  }
  return false;
}
