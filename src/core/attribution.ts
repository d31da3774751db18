// Who a sentence gives as its source: "…, Nambiar said", "said Capt. Nambiar", "according to Nambiar".
// A person who only reports a figure is not what the figure is about: two outlets quote different
// officials for one fact, so the people-in-the-sentence test must not read speakers as subjects.
import type { EntityMention, Span } from './types';

const VERB = '(?:said|says|told|added|stated|confirmed|announced|explained|reported)';
// The name, then the verb: "…, Nambiar said." / "Nambiar said on Friday that…" (at the clause's end or
// after a comma, so "Smith said he paid $5" still reads Smith as the subject of his own sentence).
// An adverb may come between ("Nambiar later said"); another word may not: in "…the Hut, police said"
// the police speak, not the hut.
// A body's voice may stand between: "…, a Defence Ministry statement said", "…, Navy spokesperson said".
const VOICE = '(?:statement|spokes(?:man|woman|person)|officials?|sources?|release)';
const NAME_THEN_VERB = new RegExp(
  `^(?:'s)?\\s*(?:${VOICE}\\s+)?(?:(?:also|later|then|earlier|[a-z]+ly)\\s+)?${VERB}\\s*[.,;]?\\s*$`,
);
// The verb, then the name: "…, said Nambiar." / "…, according to Nambiar."
const ACCORDING_TO = /\baccording to\s+(?:the\s+)?$/i;
const VERB_THEN_NAME = new RegExp(`(?:,\\s*${VERB}|according to)\\s+(?:[A-Za-z.]+\\s+){0,3}$`);

// A news outlet named as such is a source wherever it stands: "the official IRNA news agency".
const OUTLET =
  '(?:news agency|news service|wire service|agency|newspaper|daily|television|TV|radio|broadcaster)';
// The name opens the sentence and says what follows: "The Central Election Commission said that
// turnout was almost 90 %", "The official IRNA news agency and the United States Geological Survey said
// it had a magnitude of 5.9". The figure is in what they say, so they are its source, not its subject;
// unless what they say is about a person who may be themselves ("Smith said he paid $5 million").
// The sentence so far is its opening words, or an opening name joined by "and" to this one.
const OPENS = new RegExp(
  `^[\\s"'\u201c]*(?:(?:the|The|official|state|state-run|semi-official)\\s+)*(?:(?:[A-Z][\\w.'-]*\\s+){1,5}(?:${OUTLET}\\s+)?(?:,\\s*)?and\\s+(?:the\\s+)?)?$`,
);
// Rule puts-it-at: a body that "puts the magnitude at 6.1" or "estimated the damage at $2 million" gives
// the figure as its own estimate, a source as "said" makes it.
const PUTS_AT = "(?:puts?|placed|places|pegged|pegs|estimated|estimates)\\s+(?:[\\w'-]+\\s+){1,4}at\\s";
const SAYS_OPENING = new RegExp(
  `^(?:'s)?(?:\\s+${OUTLET})?(?:\\s*,?\\s*and\\s+(?:the\\s+)?(?:[A-Z][\\w.'-]*\\s*){1,5}(?:${OUTLET}\\s*)?)?\\s*(?:(?:also|later|then|earlier|[a-z]+ly)\\s+)?(?:${VERB}\\s+(?:that\\s+)?(?!(?:he|she|they|we|I|his|her|their|our)\\b)|${PUTS_AT})`,
);

/** Room after a cited name for an adverb, the verb and the closing punctuation: "later said." */
const MAX_TAIL = 32;

/** The mention opens its sentence as the one who says the rest (SAYS_OPENING). */
function opensSaying(text: string, sentence: Span, m: EntityMention): boolean {
  return (
    OPENS.test(text.slice(sentence.start, m.start)) &&
    SAYS_OPENING.test(text.slice(m.end, Math.min(sentence.end, m.end + 120)))
  );
}

/**
 * Keys of the persons a sentence only cites: a name followed by a reporting verb that ends the
 * sentence or its clause, or a name after "said" / "according to" at the sentence's end.
 */
export function citedSpeakers(text: string, sentence: Span, mentions: EntityMention[]): string[] {
  const out: string[] = [];
  for (const m of mentions) {
    // Both patterns end the sentence: a name further from its end is never only cited.
    if (m.start < sentence.start || m.end > sentence.end) continue;
    if (m.start - sentence.start <= 80 && opensSaying(text, sentence, m)) {
      out.push(m.key);
      continue;
    }
    const before = text.slice(Math.max(sentence.start, m.start - 40), m.start);
    // Rule according-to-anywhere: "according to" names a source wherever it stands ("Meanwhile, according
    // to the Newsday, Teixeira still has an … offer").
    if (ACCORDING_TO.test(before)) {
      out.push(m.key);
      continue;
    }
    if (sentence.end - m.end > MAX_TAIL) continue;
    const rest = text.slice(m.end, sentence.end);
    if (NAME_THEN_VERB.test(rest) || (VERB_THEN_NAME.test(before) && /^[\s.,;"']*$/.test(rest)))
      out.push(m.key);
  }
  return [...new Set(out)];
}

// A name that reports anywhere in its sentence: "Nikki Finke and Mike Fleming, who wrote on Saturday
// that…", "Williams said on Twitter that…". Too broad for a sentence's subject (in "Smith said he paid
// $5 million" Smith is both), but a person who does nothing else in the article is a source.
const REPORTER_VERB =
  '(?:said|says|say|told|wrote|writes|reported|reports|added|tweeted|posted|announced|urged|urges|warned|warns)';
const REPORTS_AFTER = new RegExp(
  `(?:'s)?\\s*(?:(?:and|,)\\s+(?:[A-Z][\\w.'-]*\\s*){1,3})?(?:,?\\s*who\\s+)?(?:(?:also|later|then|earlier|[a-z]+ly)\\s+)?${REPORTER_VERB}\\b`,
  'y',
);

/** Keys of the persons a sentence names as reporting something, wherever the sentence goes on. */
export function reportingNames(text: string, sentence: Span, mentions: EntityMention[]): string[] {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    // Sticky at the name's end: no slice per mention.
    REPORTS_AFTER.lastIndex = m.end;
    const hit = REPORTS_AFTER.exec(text);
    if (hit && m.end + hit[0].length <= sentence.end) out.add(m.key);
  }
  return [...out];
}
