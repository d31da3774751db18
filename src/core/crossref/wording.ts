// What two claims' own sentences share: wording, figures stated alike, one sentence told twice.
import { isNumberWord } from '../number-words';
import type { Quantity } from '../types';
import { classOf, isDateFamily, isGenericMeasure } from '../unit-class';
import { STOPWORDS } from '../words';
import { figureIn } from './around-figure';
import type { ClaimView } from './view';

/**
 * Both sentences state one more figure the same way ("for the 125 seats", "for 125 parliamentary
 * seats"): an exact count of one thing, more than a handful, that both carry is a shared subject.
 */
export function sameFigure(a: ClaimView, b: ClaimView): boolean {
  return a.anchorQuantities.some((qa) =>
    b.anchorQuantities.some((qb) => qb.unitClass === qa.unitClass && qb.value === qa.value),
  );
}

/**
 * Rule `figures-told-alike`: two sentences that state two more figures the same way, whatever their
 * kind ("within the next 10 days … for the first six months" in both), tell one offer or one event: a
 * generic figure alone is common ground, two of them stated alike beside the one compared are not.
 * Dates and times are left out (two sentences of one quarter share its year and quarter).
 */
export function figuresToldAlike(a: ClaimView, b: ClaimView): boolean {
  let n = 0;
  for (const q of a.c.quantities) {
    if (isDateFamily(q)) continue;
    if (
      b.c.quantities.some(
        (o) => o.unitClass === q.unitClass && o.low === q.low && o.high === q.high && o.rate === q.rate,
      )
    )
      if (++n >= 2) return true;
  }
  return false;
}

/**
 * Rule `inventory-told-alike`: two sentences that each count three things or more ("12 AK 47 guns, three
 * rifles, two grenades"; "Seven AK-47s, three other automatic rifles, 13 loaded magazines") and count one
 * of them alike (three rifles in both) list one haul or one toll: the item told alike anchors them, small
 * as it is, since it sits in the same inventory as the figure compared. (A lone small count told alike,
 * "two people", is common ground of any two reports: `sameFigure` wants ten or more.)
 */
export function inventoryToldAlike(a: ClaimView, b: ClaimView): boolean {
  const counts = (v: ClaimView) =>
    v.c.quantities.filter((q) => classOf(q).family === 'count' && q.rate === null);
  const qa = counts(a);
  const qb = counts(b);
  if (new Set(qa.map((q) => q.unitClass)).size < 3 || new Set(qb.map((q) => q.unitClass)).size < 3)
    return false;
  return qa.some((q) =>
    qb.some((o) => o.unitClass === q.unitClass && o.low === q.low && o.high === q.high && q.low === q.high),
  );
}

/**
 * Rule `figure-phrase-told-alike`: two compared figures told with the same words after them, the noun
 * phrase of what they measure word for word ("a 15% discount for new customers" against "a 10% discount
 * for new customers", "a 20% discount for the first six months" against "a 25% discount for the first 6
 * months"), are one figure of one thing told twice: the phrase anchors the two sentences as a shared
 * name would. The phrase is the figure's own words and the ones after it up to a punctuation mark,
 * numbers left out, or the words before it ("our sales increased to a record $1.65 billion" against
 * "consolidated sales increased to a record $165 million"); its first four words or more alike, two of
 * them no function words, or five with one.
 */
export function figurePhraseToldAlike(a: ClaimView, qa: Quantity, b: ClaimView, qb: Quantity): boolean {
  const [beforeA, afterA] = phrasesOf(a.c.text, qa);
  const [beforeB, afterB] = phrasesOf(b.c.text, qb);
  return alike(afterA, afterB) || alike(beforeA, beforeB) || alikeAround(beforeA, beforeB, afterA, afterB);
}

/**
 * A figure's phrases before and after it, read once per quantity object (and text): a figure is compared
 * with every figure of every claim it meets, and each comparison that gets this far asked again.
 */
function phrasesOf(text: string, q: Quantity): readonly [string[] | null, string[] | null] {
  const known = PHRASES.get(q);
  if (known && known[0] === text && known[1] === q.text) return known[2];
  const phrases = [phraseBefore(text, q), phraseOf(text, q)] as const;
  PHRASES.set(q, [text, q.text, phrases]);
  return phrases;
}
const PHRASES = new WeakMap<Quantity, [string, string, readonly [string[] | null, string[] | null]]>();

/**
 * Rule phrase-around-a-figure: the words right before and right after the figure, together, make the
 * phrase ("pointed a. 38 caliber revolver at the officers" / "pointed a. 357 caliber revolver at them",
 * ECB+ 19_10ecbplus / 19_11ecbplus: two before and three after alike).
 */
function alikeAround(
  beforeA: string[] | null,
  beforeB: string[] | null,
  afterA: string[] | null,
  afterB: string[] | null,
): boolean {
  if (!beforeA || !beforeB || !afterA || !afterB) return false;
  const [kb, cb] = prefixAlike(beforeA, beforeB);
  const [ka, ca] = prefixAlike(afterA, afterB);
  // Short phrases on each side are common ("a diameter of" … "kilometers", "a" … "discount for the
  // first"): five words alike, three no function words, one of them on each side.
  return cb >= 1 && ca >= 1 && kb + ka >= 5 && cb + ca >= 3;
}

/** How many first words two phrases share, and how many of those are no function words. */
function prefixAlike(pa: string[], pb: string[]): [number, number] {
  let k = 0;
  let content = 0;
  for (; k < pa.length && pa[k] === pb[k]; k++) if (!STOPWORDS.has(pa[k]!)) content++;
  return [k, content];
}

/**
 * Two phrases start with four words or more alike, two of them no function words; or five alike, one of
 * them no function word ("discount for the first six months": a phrase that long is told, not chance).
 */
function alike(pa: string[] | null, pb: string[] | null): boolean {
  if (pa === null || pb === null) return false;
  let k = 0;
  let content = 0;
  for (; k < pa.length && pa[k] === pb[k]; k++) if (!STOPWORDS.has(pa[k]!)) content++;
  return (k >= MIN_PHRASE_WORDS && content >= 2) || (k >= 5 && content >= 1);
}

/**
 * The words before the figure, nearest first, up to a punctuation mark or a number: "our sales increased
 * to a record $1.65 billion" → record, a, to, increased, sales, our.
 */
function phraseBefore(text: string, q: Quantity): string[] | null {
  const f = figureIn(text, q);
  if (!f) return null;
  const words: string[] = [];
  for (const m of f.before(80).matchAll(PHRASE_TOKEN)) words.push(m[0].toLowerCase());
  const out: string[] = [];
  for (let k = words.length - 1; k >= 0 && out.length < PHRASE_WORDS; k--) {
    const w = words[k]!;
    if (!/^[a-z]/.test(w) || isNumberWord(w)) {
      // "$" and a decimal point written apart from its digits ("a. 38 caliber") belong to the figure.
      if ((w === '$' || w === '.') && out.length === 0) continue;
      break;
    }
    out.push(w);
  }
  return out;
}
const MIN_PHRASE_WORDS = 4;
const PHRASE_WORDS = 6;
const PHRASE_TOKEN = /[a-z][a-z'-]*|\d[\d.,:]*|[^\sa-z\d]/gi;

/** The figure's words and the ones after it, lower case, numbers left out, up to a punctuation mark. */
function phraseOf(text: string, q: Quantity): string[] | null {
  const f = figureIn(text, q);
  if (!f) return null;
  const out: string[] = [];
  const scan = (part: string, own: boolean) => {
    for (const m of part.matchAll(PHRASE_TOKEN)) {
      const w = m[0].toLowerCase();
      if (/^\d/.test(w) || isNumberWord(w)) continue;
      if (!/^[a-z]/.test(w)) {
        if (own) continue;
        return false;
      }
      out.push(w);
      if (out.length >= PHRASE_WORDS) return false;
    }
    return true;
  };
  if (scan(q.text, true)) scan(f.after(80), false);
  return out;
}

/**
 * Rule `shared-range-bound`: two ranges of one kind that share a bound exactly ("between 2,400 and
 * 2,600 units", "between 2,400 and 2,500 units") state that count alike, as sameFigure's exact counts
 * do: a shared subject, however the other bound differs. Counts and sums only, more than a handful.
 */
export function sharedRangeBound(a: ClaimView, b: ClaimView): boolean {
  return a.c.quantities.some(
    (qa) =>
      isRange(qa) &&
      b.c.quantities.some(
        (qb) =>
          isRange(qb) &&
          qb.unitClass === qa.unitClass &&
          ((qa.low === qb.low && qa.low >= 10) || qa.high === qb.high),
      ),
  );
}
const isRange = (q: Quantity) =>
  q.hedge === null &&
  q.rate === null &&
  q.unitClass !== '' &&
  q.low === q.value &&
  q.high > q.low &&
  Number.isFinite(q.high) &&
  !isGenericMeasure(classOf(q));

export interface WordingShare {
  shared: number;
  shorter: number;
  sizes: readonly [number, number];
}

/** Content stems the two own sentences share beyond the counted nouns, and how many the shorter has. */
export function wordingShare(a: ClaimView, b: ClaimView): WordingShare {
  const ca = a.contentBeside(b);
  const cb = b.contentBeside(a);
  let shared = 0;
  for (const t of ca) if (cb.has(t)) shared++;
  return { shared, shorter: Math.min(ca.size, cb.size), sizes: [ca.size, cb.size] as const };
}

/**
 * One sentence told twice (wire copy, a quote both outlets carry): at least five content words, and
 * nearly all of the shorter sentence, shared. The sentence's other figures are part of what it says:
 * "six AK 47 rifles, 12 magazines and about 300 rounds of ammunition were found" has four content
 * words beyond its counted nouns, and two figures the retelling states alike.
 */
export function restated(a: ClaimView, b: ClaimView, { shared, sizes }: WordingShare): boolean {
  const qa = a.c.quantities;
  const qb = b.c.quantities;
  // Two more exact counts stated alike ("31 magazines and 923 rounds") are one account of one haul.
  const exact = a.anchorQuantities.filter((q) =>
    qb.some((o) => o.unitClass === q.unitClass && o.value === q.value),
  ).length;
  if (exact >= 2) return true;
  const figures = Math.min(statedAlike(qa, qb), statedAlike(qb, qa));
  // The figure in dispute is no difference of wording: a retelling that changes it is still a retelling.
  const size = Math.min(sizes[0] + qa.length, sizes[1] + qb.length) - 1;
  return shared + figures >= 5 && shared + figures >= 0.8 * size;
}

/** How many of `mine` `theirs` states alike: same unit class and interval. */
function statedAlike(mine: Quantity[], theirs: Quantity[]): number {
  return mine.filter((q) =>
    theirs.some((o) => o.unitClass === q.unitClass && o.low === q.low && o.high === q.high),
  ).length;
}

export function sameWording({ shared, shorter }: WordingShare): boolean {
  // A short restatement ("11 bodies have been identified") says only a word or two beyond its figure:
  // it matches when the other sentence shares all of them.
  if (shorter <= 2 && shared === shorter && shared >= 1) return true;
  return shared >= 2 && shared >= 0.5 * shorter;
}
