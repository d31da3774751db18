// Rule quarter-named-alone: an earnings report names its own quarter without a year once it has given
// the year elsewhere ("Third quarter adjusted earnings per share was $0.34, up 17% …" after or before
// "Third quarter 2020 earnings were $0.34"). Such a quarter is read as dated to that year, so a summary
// that retells the 17% "for the third quarter of 2019" is compared with it.
import { earlierValue, quarterOf } from './crossref/frame';
import { exactQuantity } from './quantities/exact';
import type { Quantity, Span } from './types';
import { classOf, unitClassKey } from './unit-class';

const ORDINAL: Record<string, string> = { first: 'q1', second: 'q2', third: 'q3', fourth: 'q4' };
/** "Third quarter", "third-quarter", "Q3", "3Q": a quarter as written. */
const QUARTER = /\b(?:(first|second|third|fourth)[ -]quarter|Q([1-4])|([1-4])Q)\b/gi;
/**
 * What makes a quarter another year's or already dated: a year or a relative year after it ("Third
 * quarter 2020", "the third quarter of last year", "the fourth quarter a year ago", "of the prior year").
 */
const DATED_AFTER =
  /^[\s-]*(?:of\s+)?(?:fiscal\s+)?(?:(?:19|20)\d\d\b|'\d\d\b|last\b|this\b|next\b|the\s+(?:prior|previous|preceding|same|last|current|next|year)\b|a\s+year\b|one\s+year\b|year-ago\b|prior\b|previous\b)/i;
/**
 * Another year's quarter, or a base, by the words before it: "last year's third quarter", "the prior
 * third quarter", "next year's first quarter", "compared to the third quarter", "from the third quarter";
 * or dated by a year right before it ("2020 fourth quarter unit deliveries").
 */
const OTHER_BEFORE =
  /(?:\b(?:last|prior|previous|preceding|year-ago|next|coming|same)|'s|\b(?:compared\s+(?:with|to)|versus|vs\.?|from|since|through|until|by))\s+(?:the\s+)?$|\b(?:19|20)\d\d\s+$/i;

const YEAR = unitClassKey({ family: 'date', unit: 'year' });

/** The quarter a year dates ("q3"), the article's latest year, and the years it gives each quarter. */
function quarterYears(perSentence: Quantity[][], sentences: Span[], text: string) {
  const given = new Map<string, Set<number>>();
  let latest = -1;
  perSentence.forEach((quantities, i) => {
    const sentence = text.slice(sentences[i]!.start, sentences[i]!.end);
    for (const q of quantities) {
      const u = classOf(q);
      if (u.family !== 'date' || u.unit !== 'year') continue;
      latest = Math.max(latest, q.value);
      const quarter = quarterOf(sentence, q);
      if (quarter === null || quarter[0] !== 'q' || earlierValue(sentence, q)) continue;
      given.set(quarter, (given.get(quarter) ?? new Set()).add(q.value));
    }
  });
  return { given, latest };
}

/**
 * Adds to each sentence the year of every quarter it names alone, when the article gives that quarter
 * its latest year elsewhere: the report's own quarter, the latest one it tells (its other years for that
 * quarter are the year-ago bases it is compared with). A quarter the article never dates in its latest
 * year is left undated (a report of the third quarter speaking of "the fourth quarter" ahead).
 */
export function dateQuartersNamedAlone(perSentence: Quantity[][], sentences: Span[], text: string): void {
  const { given, latest } = quarterYears(perSentence, sentences, text);
  if (latest < 0) return;
  perSentence.forEach((quantities, i) => {
    const { start, end } = sentences[i]!;
    const sentence = text.slice(start, end);
    const added: Quantity[] = [];
    for (const m of sentence.matchAll(QUARTER)) {
      const quarter = m[1] ? ORDINAL[m[1].toLowerCase()]! : `q${m[2] ?? m[3]}`;
      if (!given.get(quarter)?.has(latest)) continue;
      const at = m.index;
      const after = at + m[0].length;
      if (DATED_AFTER.test(sentence.slice(after, after + 30))) continue;
      if (OTHER_BEFORE.test(sentence.slice(Math.max(0, at - 30), at))) continue;
      // Inside another figure's words ("Q3 2020" read as a year, "Third quarter 2020 earnings"): dated.
      if (quantities.some((q) => q.start < start + after && q.end > start + at)) continue;
      added.push(exactQuantity(text, start + at, start + after, latest, 'year', YEAR, ['when:at']));
    }
    if (added.length === 0) return;
    quantities.push(...added);
    quantities.sort((x, y) => x.start - y.start);
  });
}
