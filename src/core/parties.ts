// Who gives a sum and who it goes to, read from the words of its sentence: "the Red Sox offered Mark
// Teixeira an eight-year, $200MM deal" (giver red sox, recipient mark teixeira), "the $90 million deal
// they gave to Torii Hunter". The frame (crossref/frame.ts) reads them per figure; extraction reads a
// sentence's giver for the next sentence that says only "the offer" (carriedGiver).
import { ownerOf } from './owners';
import type { Quantity } from './types';
import { classOf } from './unit-class';

const NAME = "(?:the\\s+)?([A-Z][\\w'.-]*(?:\\s+[A-Z][\\w'.-]*)*)";
const GIVING =
  /\b(?:offer(?:s|ed|ing)?|bid(?:s|ding)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|paid|pays?|paying|commit(?:s|ted|ting)?|spen(?:t|ds?|ding))\b/g;
/**
 * Rule made-an-offer: "the Red Sox have made Mark Teixeira an eight-year, $200 million offer": a verb of
 * making or raising is the giving when the sum is the offer's (its class pays for an offer).
 */
const MAKING =
  /\b(?:made|makes?|making|submit(?:s|ted|ting)?|upgrad(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|improv(?:e|es|ed|ing))\b/g;
const DETERMINER_BEFORE = /\b(?:the|an?|its|their|his|her|our|[\w-]+'s?)\s+(?:[\w-]+\s+)?$/i;
const HAVE_BEFORE = /\b(?:has|have|had)\s+$/i;
/** "the offer", "their bids", "has offers from" are nouns; "have bid", "had offered" are the giving. */
const isNoun = (word: string, before: string) =>
  !word.endsWith('ed') &&
  word !== 'paid' &&
  (DETERMINER_BEFORE.test(before) || (word.endsWith('s') && HAVE_BEFORE.test(before)));
/** The name right before the verb, past an aside ("The Orioles, according to reports, have offered"). */
const GIVER_BEFORE_VERB = new RegExp(
  `${NAME}(?:\\s*,[^,]{1,40},)?\\s+(?:(?:reportedly|also|have|has|had|was|were|is|are|believed|said|been|to|already|now|would|will)\\s+){0,4}$`,
);
/** "the Orioles' offer", "Germany's pledge". */
const GIVER_POSSESSIVE = new RegExp(
  `${NAME}(?:'s|')\\s+(?:[\\w-]+\\s+){0,2}(?:offer|bid|pledge|proposal|contract)\\b[^.]{0,40}$`,
);
/**
 * Rule their-offer: a possessive pronoun's offer is the offer of the subject of its verb of making or
 * raising: "the Washington Nationals have upgraded their initial offer to Teixeira - - eight years, $160 million - - to somewhere between $178
 * million and $184 million".
 */
const GIVER_PRONOUN = new RegExp(
  `${NAME}(?:\\s*,[^,]{1,40},)?\\s+(?:(?:have|has|had|reportedly|also|just)\\s+){0,2}(?:upgrad|rais|improv|made|mak|submit|sweeten|increas|boost|bump|extend|put|sen[dt]|present)[a-z]*\\s+(?:their|its)\\s+(?:[\\w-]+\\s+){0,2}(?:offer|bid|pledge|proposal)s?\\b[^.]{0,80}$`,
);
/** A list that leaves the verb out: "the Nationals have bid $160 million, the Orioles between $140 …". */
const GIVER_GAPPED = new RegExp(`[,;]\\s+${NAME}\\s+(?:between|at|with|for)?\\s*$`);

/**
 * Who gives, offers or pays the sum, from the words `before` it: "the Red Sox offered Mark Teixeira an
 * eight-year, $200MM deal" → "red sox"; "the Orioles between $140 million and $150 million" (the verb
 * left out) → "orioles". Or null when the sentence does not say by its words alone.
 */
export function giverOf(before: string, q: Quantity): string | null {
  // A figure the layout gives an owner ("the Nationals (eight years, $160 million)") is different-owners' to judge.
  if (classOf(q).family !== 'money' || ownerOf(q) !== null) return null;
  const gapped = GIVER_GAPPED.exec(before) ?? GIVER_POSSESSIVE.exec(before) ?? GIVER_PRONOUN.exec(before);
  if (gapped) return party(gapped[1]!);
  let verb = -1;
  // "has offers from", "the offer", "their bids": a noun, not the giving.
  for (const m of before.matchAll(GIVING)) if (!isNoun(m[0], before.slice(0, m.index))) verb = m.index;
  if (verb < 0 && isOffer(q)) for (const m of before.matchAll(MAKING)) verb = m.index;
  if (verb < 0) return null;
  const m = GIVER_BEFORE_VERB.exec(before.slice(0, verb));
  return m ? [party(m[1]!), ...listedBefore(before.slice(0, m.index))].join(GIVERS) : null;
}

const isOffer = (q: Quantity) => {
  const u = classOf(q);
  return u.family === 'money' && u.paysFor === 'offer';
};

/** Several names of one giving party, in one string: "red sox|john henry|general manager theo epstein". */
const GIVERS = '|';
/** A name the giver's noun phrase lists before the name right at the verb: "the Red Sox team of owner John Henry, COO …". */
const LISTED_NAME =
  /([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)(?:\s+(?:team|group|front office|ownership|management|consortium))?\s*(?:,|\s+and|\s+of|\s+led by|\s+including)\s+(?:[a-z]+\s+)?$/;

/**
 * Rule giver-phrase: the giver is the whole noun phrase before the verb, not only the name nearest to
 * it. "Lynch reported the Red Sox team of owner John Henry, COO Larry Lucchino and General Manager Theo
 * Epstein offered Teixeira … $184 million" is the Red Sox's offer (ECB+ 10_4ecbplus), as is "Red Sox
 * offer Teixeira $200 million".
 */
function listedBefore(text: string): string[] {
  const out: string[] = [];
  for (let rest = text, k = 0; k < 6; k++) {
    const m = LISTED_NAME.exec(rest);
    if (!m) break;
    out.push(party(m[1]!));
    rest = rest.slice(0, m.index);
  }
  return out;
}

/** Two givers, either of which may be a noun phrase of several names (giverOf), share a name. */
export function sameGiver(x: string, y: string, same: (u: string, v: string) => boolean): boolean {
  const ys = y.split(GIVERS);
  return x.split(GIVERS).some((u) => ys.some((v) => same(u, v)));
}

const TO_NAME = "([A-Z][\\w'.-]*(?:\\s+[A-Z][\\w'.-]*)*)";
/** "offered Mark Teixeira an eight-year, $200MM deal", "offer Teixeira $200 million": the one offered it. */
const RECIPIENT_BEFORE = new RegExp(
  `\\b(?:offer(?:s|ed)?|pa(?:id|ys?)|gave|give[ns]?|award(?:s|ed)?|hand(?:s|ed)?|guarantee[sd]?)\\s+${TO_NAME}\\s+(?:an?\\s+)?(?:[\\w,.-]+\\s+){0,4}$`,
);
/**
 * "the $90 million deal they gave to Torii Hunter", "a $70 million contract for J.D. Drew", "$51.1 million
 * … to Daisuke Matsuzaka": the one it went to, past the noun it is the worth of.
 */
const RECIPIENT_AFTER = new RegExp(
  `^\\s*(?:[\\w-]+\\s+){0,3}?(?:(?:deal|contract|offer|bonus|fee|salary|extension)\\s+(?:(?:they|he|she|it|we)\\s+)?(?:(?:gave|given|paid|offered|awarded|handed)\\s+)?(?:to|for|with)|(?:(?:they|he|she|it|we)\\s+)?(?:gave|given|paid|offered|awarded|handed)\\s+to)\\s+${TO_NAME}`,
);

/** A figure that names its deal ("$70 million contract") and then its party: "… for J.D. Drew". */
const DEAL_NOUN_END = /\b(?:deal|contract|offer|bonus|fee|salary|extension)$/;
const DEAL_TO = new RegExp(`^[\\s-]*(?:to|for|with)\\s+${TO_NAME}`);

/**
 * Who the sum goes to, from the words right before it ("offered Mark Teixeira an eight-year, $200MM
 * deal") or right after it ("the $90 million deal they gave to Torii Hunter"), or null when the sentence
 * does not say by its words alone.
 */
export function recipientOf(before: string, after: string, q: Quantity): string | null {
  if (classOf(q).family !== 'money') return null;
  const m =
    RECIPIENT_BEFORE.exec(before) ??
    RECIPIENT_AFTER.exec(after) ??
    (DEAL_NOUN_END.test(q.text) ? DEAL_TO.exec(after) : null);
  return m ? party(m[1]!.replace(/\.$/, '')) : null;
}

/** One party named twice, the second time in part ("Mark Teixeira", "Teixeira"). */
export function sameParty(x: string, y: string): boolean {
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const wx = x.split(/\s+/);
  const wy = new Set(y.split(/\s+/));
  return wx.some((w) => w.length > 2 && wy.has(w));
}

const party = (name: string) => name.toLowerCase().replace(/^the\s+/, '');

/** "The Angels have made an offer to …": a party that makes an offer, bid or proposal. */
const MADE_OFFER = new RegExp(
  `${NAME}\\s+(?:(?:reportedly|also|have|has|had|already|now)\\s+){0,3}(?:made|make|makes|submitted|put)\\s+(?:an?|their|its|his|her)\\s+(?:[\\w-]+\\s+){0,2}(?:offer|bid|proposal)\\b`,
);
/** A sentence that speaks of a deal only as "the offer", "the deal": the one its previous sentence told. */
const DEFINITE_DEAL = /\b[Tt]he\s+(?:deal|offer|contract|bid|proposal|package)\b/;

/**
 * The giver a sentence carries to the next one when that one says only "the deal" and names no giver
 * of its own: "the Angels have made an offer to the free agent … While the numbers aren't confirmed,
 * the deal is believed to be an offer of eight years and around $160 million" (the Angels' offer).
 */
export function carriedGiver(previous: string, sentence: string): string | null {
  if (!DEFINITE_DEAL.test(sentence) || MADE_OFFER.test(sentence)) return null;
  const made = MADE_OFFER.exec(previous);
  if (made) return party(made[1]!);
  for (const m of previous.matchAll(GIVING)) {
    if (isNoun(m[0], previous.slice(0, m.index))) continue;
    const g = GIVER_BEFORE_VERB.exec(previous.slice(0, m.index));
    if (g) return party(g[1]!);
  }
  return null;
}
