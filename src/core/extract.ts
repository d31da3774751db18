// Article → claims: normalize, split sentences, find quantities, entities and quotes, and give each
// claim the terms and blocking keys the cross-referencer needs.
import { keepUniqueRoles, markAgeRoles } from './age-roles';
import { describedProtagonist, markKin, resolveAgeHolders } from './ages';
import {
  articleWideContext,
  capitalisedMidSentence,
  citedSources,
  isTimeTerm,
  mentionsBySentence,
  mostFrequent,
  onlyCited,
  sentenceCounts,
  topKeys,
} from './article-context';
import { citedSpeakers, reportingNames } from './attribution';
import { withCarriedSubject } from './carried-subject';
import { blockingKeys, checkworthiness, claimKind, sentenceTerms } from './claims';
import { collectEntities, foldName } from './entities';
import { TITLES } from './entities/vocabulary';
import { journalistKeys } from './journalists';
import { namedAges } from './named-ages';
import { markOwners } from './owners';
import { carriedGiver } from './parties';
import { extractQuantities } from './quantities';
import { dateQuartersNamedAlone } from './quarter-years';
import { findQuoteSpans } from './quotes';
import { splitSentences } from './sentences';
import { assignQuotes } from './speakers';
import { storyFigures } from './story';
import { isTerm, keyOf, retag, term, termsOf } from './terms';
import { htmlToText, looksLikeHtml, normalizeText } from './text';
import type { Claim, EntityMention, ExtractedArticle, ExtractOptions } from './types';
import { classOf } from './unit-class';
import { markAgesAtVerdict } from './verdict-ages';
import { tokenizeSpan } from './words';

const MAX_ARTICLE_NAMES = 40;
const MAX_FREQUENT_NAMES = 12;
const MAX_PROTAGONISTS = 1;

// The sentences whose terms are a claim's context: the two before it and the one after.
const NEIGHBOURS = [-2, -1, 1];

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
    givenNamesOf(mentions, persons),
  );

  const perSentenceQuantities = sentences.map((span, i) => {
    const quantities = extractQuantities(tokens[i]!, text);
    resolveAgeHolders(quantities, span, inSentence[i]!, foldName);
    markKin(quantities, text, span);
    markAgeRoles(quantities, text, span);
    markOwners(quantities, text, span, inSentence[i]!);
    return quantities;
  });
  markAgesAtVerdict(perSentenceQuantities, sentences, text);
  dateQuartersNamedAlone(perSentenceQuantities, sentences, text);
  // The figures the whole article states: whether another text tells the same story (story.ts).
  const articleQuantities = perSentenceQuantities.flat();
  articleContext.push(...storyFigures(articleQuantities));
  // The people it names with an age: whom another report's "36-year-old climber" may be.
  articleContext.push(...namedAges(articleQuantities, persons));

  const claims: Claim[] = [];
  sentences.forEach((span, i) => {
    const quantities = perSentenceQuantities[i]!;
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
      i > 0 && quantities.some((q) => classOf(q).family === 'money')
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
  const allQuantities = claims.flatMap((c) => c.quantities);
  keepUniqueRoles(allQuantities);
  const lead = protagonists[0];
  describedProtagonist(allQuantities, lead !== undefined && persons.has(lead) ? lead : null);
  return { text, sentences, claims, entities, mentions };
}

/** Display names of the entities in some articles, for explanations: key → fullest name seen. */
export function entityNames(articles: ExtractedArticle[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of articles)
    for (const e of a.entities) if ((names.get(e.key)?.length ?? 0) < e.name.length) names.set(e.key, e.name);
  return names;
}

/**
 * Rule `given-name-alone`: the given names of the people an article names in full ("Chela" of "Chela
 * Ortiz", folded as names are; each mention, since "Chela Ortiz" and "Jerry Ortiz" are one key), so
 * another report's lone "his second wife, Chela" is someone this one mentions. A few of them.
 */
function givenNamesOf(mentions: readonly EntityMention[], persons: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const m of mentions) {
    if (!persons.has(m.key)) continue;
    const space = m.surface.indexOf(' ');
    const first = m.surface.slice(0, space);
    // "Judge Philip Hickok", "Deputy Jerry Ortiz": a title is no given name.
    if (space > 1 && !TITLES.has(first.toLowerCase()) && out.size < MAX_GIVEN_NAMES) out.add(foldName(first));
  }
  return [...out];
}
const MAX_GIVEN_NAMES = 20;
