// Article → claims: normalize, split sentences, find quantities, entities and quotes, and give each
// claim the terms and blocking keys the cross-referencer needs.
import { resolveAgeHolders } from './ages';
import { citedSpeakers, reportingNames } from './attribution';
import { blockingKeys, checkworthiness, claimKind, sentenceTerms } from './claims';
import { collectEntities, foldName } from './entities';
import { journalistKeys } from './journalists';
import { markOwners } from './owners';
import { carriedGiver } from './parties';
import { extractQuantities } from './quantities';
import { findQuoteSpans, findSpeakerText, makeQuote } from './quotes';
import { splitSentences } from './sentences';
import { isTerm, keyOf, kindOf, retag, term, termsOf } from './terms';
import { htmlToText, looksLikeHtml, normalizeText } from './text';
import type { Claim, Entity, EntityMention, ExtractedArticle, ExtractOptions, Quote, Span } from './types';
import { isSpace, startsUpper, type Token, tokenizeSpan } from './words';

const MAX_ARTICLE_NAMES = 40;
const MAX_FREQUENT_NAMES = 12;
const MAX_PROTAGONISTS = 1;

// Sentences that start with these take their subject from the sentence before.
// The sentences whose terms are a claim's context: the two before it and the one after.
const NEIGHBOURS = [-2, -1, 1];

const PRONOUN_LEAD = /^(it|this|that|they|these|those|he|she|its|their|the group|the coalition)\b/i;
/** Leads that stand for a thing, never a person: "It is a coalition of 57 countries". */
const THING_LEAD = /^(it|its|this|that|the group|the coalition)\b/i;
/** Leads that stand for a person: "He was 32". */
const PERSON_LEAD = /^(he|she)\b/i;

/**
 * A sentence that opens with a pronoun takes its subject from the sentence before (rule
 * `carried-subject`), as far as the pronoun can stand for it: "it" or "the group" for the things that
 * sentence names, never its people ("Austin and the Biden administration consider … the Ukraine
 * Defense Contact Group …. It is a coalition of 57 countries": the coalition, not Biden); "he" or
 * "she" for its people, never its places or bodies; "they" for either. Names the pronoun cannot stand
 * for would make the figure's sentence name actors it is not about.
 */
function withCarriedSubject(
  terms: string[],
  sentenceText: string,
  previous: string[],
  persons: Set<string>,
): string[] {
  if (!PRONOUN_LEAD.test(sentenceText)) return terms;
  const isPerson = (t: string) => {
    const kind = kindOf(t);
    return kind === 'person' || (kind === 'entity' && persons.has(t));
  };
  const isName = (t: string) => {
    const kind = kindOf(t);
    return kind === 'entity' || kind === 'person';
  };
  let carried: string[];
  if (THING_LEAD.test(sentenceText)) {
    // Its two likeliest referents (as in Hobbs's search): the sentence before's subject, its first
    // name, and the nearest thing it names, its last name that is no person. Names between them are
    // not what "it" stands for ("Austin, and the broader Biden administration, consider … the Ukraine
    // Defense Contact Group …. It is a coalition of 57 countries").
    const names = previous.filter((t) => kindOf(t) === 'entity');
    const things = names.filter((t) => !persons.has(t));
    const referents = new Set([names[0], things[things.length - 1]]);
    const person = (t: string) => kindOf(t) === 'person' && referents.has(retag(t, 'entity'));
    carried = previous.filter((t) => (isName(t) ? referents.has(t) || person(t) : true));
  } else if (PERSON_LEAD.test(sentenceText)) {
    carried = previous.filter((t) => !isName(t) || isPerson(t));
  } else carried = previous;
  return [...new Set([...terms, ...carried])];
}

/** Everything crosscheck knows about one article, computed without I/O. */
export function extractArticle(raw: string, opts: ExtractOptions = {}): ExtractedArticle {
  const html = opts.html ?? looksLikeHtml(raw);
  const text = normalizeText(html ? htmlToText(raw) : raw);
  const sentences = splitSentences(text);
  const tokens = sentences.map((s) => tokenizeSpan(text, s.start, s.end));
  const { mentions, entities, perSentence } = collectEntities(tokens, capitalisedMidSentence(tokens));
  // In how many sentences each name appears: counted once for the topic and for the article's names.
  const nameCounts = sentenceCounts(perSentence);
  const topEntities = topKeys(nameCounts, 2, 3);
  const persons = new Set(entities.filter((e) => e.type === 'person').map((e) => e.key));
  const plainTerms = tokens.map((t, i) => sentenceTerms(t, perSentence[i]!, persons));
  // A sentence opening with a pronoun names what the pronoun stands for: its own, and its neighbours'.
  const ownTerms = plainTerms.map((terms, i) =>
    i > 0
      ? withCarriedSubject(
          terms,
          text.slice(sentences[i]!.start, sentences[i]!.end),
          plainTerms[i - 1]!,
          persons,
        )
      : terms,
  );
  // The article's years too: a report on last year's ceremony is not a report on this year's.
  const topYears = mostFrequent(
    ownTerms.map((terms) => termsOf(terms, 'year')),
    2,
    2,
  );
  // The weekday of the article's main event: the one its opening sentences name (title and lede).
  const ledeWeekdays = [...new Set(ownTerms.slice(0, 4).flatMap((terms) => termsOf(terms, 'weekday')))];
  // Every name the article mentions (the most frequent first): a claim whose neighbourhood names
  // people the other report never mentions is about another event.
  const articleNames = topKeys(nameCounts, 1, MAX_ARTICLE_NAMES);
  // The outlets it cites ("told the LA Times", "according to Reuters") are sources, not actors.
  const cited = citedSources(text, mentions);
  // The people it cites for what they said in every sentence that names them ("…, Insp Gaskin said"):
  // spokesmen, sources like the outlets it cites, not actors of the story.
  const inSentence = mentionsBySentence(sentences, mentions);
  const speakers = sentences.map((span, i) => citedSpeakers(text, span, inSentence[i]!));
  const reporting = sentences.map((span, i) => [
    ...new Set([...speakers[i]!, ...reportingNames(text, span, inSentence[i]!)]),
  ]);
  const spokesmen = onlyCited(perSentence, reporting);
  // The journalists it names ("sportscaster Mike Lynch", "the Boston Herald's Michael Silverman") too.
  for (const k of journalistKeys(text, mentions)) spokesmen.add(k);
  for (const k of spokesmen) cited.add(k);
  const acting = perSentence.map((keys) => keys.filter((k) => !cited.has(k)));
  // The names the article keeps coming back to (two sentences or more): its own actors.
  const frequentNames = new Set(mostFrequent(acting, 2, MAX_FREQUENT_NAMES));
  // Its protagonists: the few names it returns to most (the ship, the player, the island).
  // Places are where a story happens, not who acts in it: two incidents in one gulf share the gulf.
  const places = new Set(entities.filter((e) => e.type === 'place').map((e) => e.key));
  const actors = places.size === 0 ? acting : acting.map((keys) => keys.filter((k) => !places.has(k)));
  const actorCounts = sentenceCounts(actors);
  const protagonists = topKeys(actorCounts, 2, MAX_PROTAGONISTS);
  // A protagonist named in three sentences or more is one no report of the same event leaves out.
  const central = protagonists.filter((k) => actorCounts.get(k)! >= 3);
  // A report whose only recurring name is someone who speaks ("Austin said…", "Austin told
  // reporters…") still returns to a name: the Secretary's words are the news.
  const speaking =
    protagonists.length > 0 || spokesmen.size === 0
      ? []
      : topKeys(sentenceCounts(perSentence.map((keys) => keys.filter((k) => spokesmen.has(k)))), 2, 1);
  const articleWeekdays = [...new Set(ownTerms.flatMap((terms) => termsOf(terms, 'weekday')))];
  // Every month and year the article names: a figure dated "in February" belongs to another event than
  // a report that never names February.
  const articleTimes = [
    ...new Set(
      ownTerms.flatMap((terms) =>
        terms
          .filter(isTimeTerm)
          .map((t) => term('article-time', isTerm(t, 'date') ? keyOf(t).slice(0, 3) : keyOf(t))),
      ),
    ),
  ];
  const quotesBySentence = assignQuotes(
    text,
    sentences,
    findQuoteSpans(text),
    entities,
    perSentence,
    persons,
  );
  // A neighbour's terms as context: its weekday is the day of the neighbour's news ("aftershocks on
  // Monday"), not this one's, and the people it only cites are no subjects. Each sentence is the
  // neighbour of up to three claims: filtered once.
  const citedPeople = new Set([...spokesmen].map((k) => retag(k, 'person')));
  const neighbourTerms = ownTerms.map((terms) =>
    terms.filter((t) => !isTerm(t, 'weekday') && !citedPeople.has(t)),
  );
  const articleContext = articleWideContext(
    articleWeekdays,
    articleNames,
    articleTimes,
    protagonists,
    central,
    speaking,
  );

  const claims: Claim[] = [];
  sentences.forEach((span, i) => {
    const quantities = extractQuantities(tokens[i]!, text);
    resolveAgeHolders(quantities, span, inSentence[i]!, foldName);
    markOwners(quantities, text, span, inSentence[i]!);
    const quotes = quotesBySentence[i]!;
    const sentenceText = text.slice(span.start, span.end);
    const kind = claimKind(quantities, quotes, perSentence[i]!, tokens[i]!.length);
    if (!kind) return;
    let terms = ownTerms[i]!;
    // The people it only cites ("…, Nambiar said"): sources, not subjects (crossref's differentSubject).
    const cites = speakers[i]!.map((k) => retag(k, 'speaker'));
    if (cites.length > 0) terms = [...terms, ...cites];
    const around = new Set<string>();
    for (const k of NEIGHBOURS) {
      // In bounds first: an array read at -1 is a slow property look-up, for every claim.
      const j = i + k;
      if (j >= 0 && j < neighbourTerms.length) for (const t of neighbourTerms[j]!) around.add(t);
    }
    for (const e of topEntities) around.add(e);
    for (const e of topYears) around.add(e);
    // A sentence without a day of its own happened on the lede's day, if it names one.
    if (!terms.some((t) => isTerm(t, 'weekday')) && ledeWeekdays.length === 1) around.add(ledeWeekdays[0]!);
    for (const t of terms) around.delete(t);
    const contextTerms = [...around, ...articleContext];
    // "the deal is believed to be … around $160 million": the offer the sentence before made.
    const giver =
      i > 0 && quantities.some((q) => q.unitClass.startsWith('money:'))
        ? carriedGiver(text.slice(sentences[i - 1]!.start, sentences[i - 1]!.end), sentenceText)
        : null;
    if (giver) contextTerms.push(term('carried-giver', giver.replace(/\s+/g, '_')));
    // Only the claim's own names are ever tested as actors (crossref's sameSubject).
    for (const k of terms) if (frequentNames.has(k)) contextTerms.push(retag(k, 'frequent-name'));
    // A sentence's names are distinct already: only a quote's speaker can repeat one.
    const claimEntities =
      quotes.length === 0
        ? perSentence[i]!.slice()
        : [...new Set([...perSentence[i]!, ...quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))])];
    claims.push({
      position: claims.length,
      start: span.start,
      end: span.end,
      text: sentenceText,
      kind,
      checkworthiness: checkworthiness(quantities, quotes, claimEntities),
      quantities,
      quotes,
      entities: claimEntities,
      terms,
      contextTerms,
      keys: blockingKeys(quantities, quotes, terms, contextTerms),
      previous: i > 0 ? sentences[i - 1]! : null,
    });
  });
  return { text, sentences, claims, entities, mentions };
}

/**
 * The part of every claim's context that is the article's, not the sentence's: its weekdays (a last
 * resort for telling two incidents apart), names, times, protagonists, central and speaking names.
 * Their upper-case prefixes never meet a sentence's own terms, so it is the same list for every claim
 * and is built once, in the order the cross-referencer has always seen it.
 */
function articleWideContext(
  weekdays: string[],
  names: string[],
  times: string[],
  protagonists: string[],
  central: string[],
  speaking: string[],
): string[] {
  return [
    ...weekdays.map((w) => retag(w, 'article-weekday')),
    ...names.map((k) => retag(k, 'article-name')),
    ...times,
    ...protagonists.map((k) => retag(k, 'protagonist')),
    ...central.map((k) => retag(k, 'central-actor')),
    ...speaking.map((k) => retag(k, 'speaking-name')),
  ];
}

const CITED =
  /\b(?:[Tt]old|[Aa]ccording to|[Qq]uoted by|[Rr]eported by|in an interview with|(?:said|says|wrote|writes|posted) on)(?: [Tt]he)?(?: [A-Z][\w.]*){0,2} ?$/;

/** The mentions inside each sentence, in one pass (both lists are in reading order). */
function mentionsBySentence(sentences: Span[], mentions: EntityMention[]): EntityMention[][] {
  const out: EntityMention[][] = sentences.map(() => []);
  let k = 0;
  for (const m of mentions) {
    while (k < sentences.length && sentences[k]!.end <= m.start) k++;
    if (k < sentences.length && m.start >= sentences[k]!.start && m.end <= sentences[k]!.end) out[k]!.push(m);
  }
  return out;
}

/** Keys every sentence naming them cites as its speaker. */
function onlyCited(perSentence: string[][], speakers: string[][]): Set<string> {
  const cited = new Set(speakers.flat());
  perSentence.forEach((keys, i) => {
    for (const k of keys) if (!speakers[i]!.includes(k)) cited.delete(k);
  });
  return cited;
}

/** Names the article only ever cites as a source: "told the LA Times", "according to Reuters", "said on Twitter". */
function citedSources(text: string, mentions: EntityMention[]): Set<string> {
  const cited = new Set<string>();
  const acting = new Set<string>();
  for (const m of mentions)
    (CITED.test(text.slice(Math.max(0, m.start - 30), m.start)) ? cited : acting).add(m.key);
  for (const k of acting) cited.delete(k);
  return cited;
}

/** Words the article capitalises somewhere other than at a sentence start: names, not sentence openers. */
function capitalisedMidSentence(sentences: Token[][]): Set<string> {
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
const isTimeTerm = (t: string) => isTerm(t, 'month') || isTerm(t, 'year') || isTerm(t, 'date');

/** In how many sentences each key appears. */
function sentenceCounts(perSentence: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const keys of perSentence) for (const k of new Set(keys)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** The keys an article mentions most (at least `min` times): the topic every claim in it shares. */
function mostFrequent(perSentence: string[][], min: number, limit: number): string[] {
  return topKeys(sentenceCounts(perSentence), min, limit);
}

function topKeys(counts: Map<string, number>, min: number, limit: number): string[] {
  return [...counts.entries()]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k]) => k);
}

function assignQuotes(
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

/** Display names of the entities in some articles, for explanations: key → fullest name seen. */
export function entityNames(articles: ExtractedArticle[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of articles)
    for (const e of a.entities) if ((names.get(e.key)?.length ?? 0) < e.name.length) names.set(e.key, e.name);
  return names;
}
