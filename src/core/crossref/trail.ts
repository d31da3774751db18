// The why-not trail of a pair of claims: which rules ran, what each said, and which one decided. Worked
// out only when asked for (explain mode): the ordinary path never calls anything here.
import { keyOf, kindOf, term } from '../terms';
import type { LinkDraft, Quantity, Relation } from '../types';
import { FIGURE_RULES } from './figure-rules';
import { CHOICE_RULES, figureOutcomes, type QuantityPair } from './measures';
import type { QuoteMatch } from './quotes';
import { SUBJECT_RULES, type SubjectContext, type SubjectRule, undated } from './subject';
import type { ClaimView } from './view';

/** Entity terms to display names ("e:austin" → "Lloyd J. Austin III"). */
export type Names = Map<string, string>;

export type StepOutcome = 'pass' | 'reject' | 'skip' | 'keep' | 'link';

export interface TrailStep {
  /** The rule's name, as listed in docs/detection.md. */
  rule: string;
  outcome: StepOutcome;
  /** What the rule found, in a reviewer's words. */
  detail: string;
}

export interface PairTrail {
  /** The claims compared, in the order the cross-referencer compared them. */
  a: string;
  b: string;
  steps: TrailStep[];
  /** The relation of the link made, or null when the pair was not linked. */
  linked: Relation | null;
  /** The rule that decided: the one that rejected the pair, or `linked`. */
  decidedBy: string;
  /** "linked as conflict", or "not linked: rule `x` (reason) — what it found". */
  verdict: string;
  /** The deciding rule's reason in a reviewer's words (empty when linked). */
  reason: string;
  /** What the deciding rule found (empty when linked). */
  detail: string;
}

/** Rules of the pair's pipeline outside the figure and subject rule lists, in the order they run. */
export const PIPELINE_RULES = [
  { name: 'no-shared-key', reason: 'never compared: the two claims share no blocking key' },
  {
    name: 'crowded-keys',
    reason: 'never compared: every key they share is shared by too many claims to say anything',
  },
  {
    name: 'no-comparable-figures',
    reason: 'no figure of one measures the same thing as a figure of the other',
  },
  { name: 'misattributed-quote', reason: 'the same words attributed to two different speakers' },
  { name: 'too-little-in-common', reason: 'the sentences and their context share too little' },
  { name: 'one-persons-age', reason: "two claims about different events that give one person's age" },
  {
    name: 'one-places-distance',
    reason: 'two claims about different events that give the distance between two fixed places',
  },
  { name: 'agreed-elsewhere', reason: 'the other article states this figure elsewhere, in the same voice' },
] as const;

/** Every rule's name, in the order the rules run (docs/detection.md lists them in this order). */
export const RULE_NAMES: readonly string[] = [
  ...PIPELINE_RULES.slice(0, 3).map((r) => r.name),
  ...FIGURE_RULES.map((r) => r.name),
  CHOICE_RULES.uninformative.name,
  CHOICE_RULES.tooFar.name,
  ...PIPELINE_RULES.slice(3, 5).map((r) => r.name),
  ...SUBJECT_RULES.map((r) => r.name),
  ...PIPELINE_RULES.slice(5).map((r) => r.name),
];

const reasonOf = (name: string) =>
  PIPELINE_RULES.find((r) => r.name === name)?.reason ??
  SUBJECT_RULES.find((r) => r.name === name)?.reason ??
  name;

const quoted = (q: Quantity) => `"${q.text}"`;

/** The figures step: which figure pairs are compared, or why none is. */
export function figuresStep(
  va: ClaimView,
  vb: ClaimView,
  pairs: QuantityPair[],
  quote: QuoteMatch | null,
): TrailStep {
  if (pairs.length > 0)
    return {
      rule: 'no-comparable-figures',
      outcome: 'pass',
      detail: `compared ${pairs.map((p) => `${quoted(p.qa)} with ${quoted(p.qb)}${p.soft ? ` (${CHOICE_RULES.pragmaticBounds.name}: ${p.soft})` : ''}`).join('; ')}`,
    };
  if (quote)
    return {
      rule: 'no-comparable-figures',
      outcome: 'pass',
      detail: `no figures compared, but both quote ${quote.speaker}`,
    };
  if (va.sums.length === 0 || vb.sums.length === 0)
    return { rule: 'no-comparable-figures', outcome: 'reject', detail: 'one of the claims states no figure' };
  const why: string[] = [];
  for (const o of figureOutcomes(va, vb))
    if ('rejected' in o)
      for (const r of o.rejected) why.push(`${quoted(r.qa)} and ${quoted(o.qb)}: ${r.rule} (${r.reason})`);
  const shown = why.slice(0, 4);
  if (why.length > shown.length) shown.push(`and ${why.length - shown.length} more`);
  return { rule: 'no-comparable-figures', outcome: 'reject', detail: shown.join('; ') };
}

export function similarityStep(score: number, threshold: number, sameArticle: boolean): TrailStep {
  const where = sameArticle ? 'inside one article' : 'across articles';
  return score < threshold
    ? {
        rule: 'too-little-in-common',
        outcome: 'reject',
        detail: `similarity ${score.toFixed(2)}, below the ${threshold} needed ${where}`,
      }
    : {
        rule: 'too-little-in-common',
        outcome: 'pass',
        detail: `similarity ${score.toFixed(2)} (${threshold} needed ${where})`,
      };
}

/** subjectRejection, recording every rule that ran: the same rules in the same order. */
export function subjectTrail(x: SubjectContext, names: Names, trail: TrailStep[]): SubjectRule | null {
  for (const r of SUBJECT_RULES) {
    if (r.skipsRetold && x.retold) {
      trail.push({
        rule: r.name,
        outcome: 'skip',
        detail: 'one sentence told twice: only its own words count',
      });
      continue;
    }
    if (r.skipsOneStory && x.sameStory) {
      trail.push({
        rule: r.name,
        outcome: 'skip',
        detail: 'the two texts tell one story (one-story): one event, whatever one names alone',
      });
      continue;
    }
    if (r.rejects(x)) {
      trail.push({ rule: r.name, outcome: 'reject', detail: subjectDetail(r.name, x, names) });
      return r;
    }
    trail.push({ rule: r.name, outcome: 'pass', detail: '' });
  }
  return null;
}

/** A key without its prefix, as the name it stands for when one is known. */
function show(names: Names, t: string): string {
  const kind = kindOf(t);
  if (kind === null) return t;
  const key = keyOf(t);
  if (kind === 'weekday' || kind === 'article-weekday') return WEEKDAYS[key] ?? key;
  return names.get(term('entity', key)) ?? key;
}
const WEEKDAYS: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const list = (names: Names, ts: readonly string[]) =>
  [...new Set(ts.map((t) => show(names, t)))].join(', ') || 'none';
const against = (names: Names, x: readonly string[], y: readonly string[]) =>
  `${list(names, x)} against ${list(names, y)}`;
/** The keys the other report never mentions. */
const unknownTo = (names: Names, other: ClaimView, keys: readonly string[]) =>
  list(
    names,
    keys.filter((t) => !other.mentions(keyOf(t))),
  );

/** What a subject rule found, for the trail. */
function subjectDetail(rule: string, x: SubjectContext, names: Names): string {
  const { a, b } = x;
  switch (rule) {
    case 'no-shared-anchor':
      return `no name of one sentence appears around the other (${against(names, a.anchors(x.whole), b.anchors(x.whole))}), and the sentences share ${x.share.shared} of ${x.share.shorter} content words`;
    case 'different-people':
      return against(names, a.ownPeople, b.ownPeople);
    case 'different-people-around':
      return against(names, a.around(x.retold, 'person'), b.around(x.retold, 'person'));
    case 'different-years':
      return against(names, a.around(x.retold, 'year'), b.around(x.retold, 'year'));
    case 'different-calendar-days':
      return against(names, a.around(x.retold, 'date'), b.around(x.retold, 'date'));
    case 'different-weekdays':
      return x.retold ? against(names, a.ownDay, b.ownDay) : against(names, a.day, b.day);
    case 'time-never-named': {
      const c = undated(a, b) ? a : b;
      return `${c.times.join(', ')}, never named by the other report`;
    }
    case 'absent-actors':
      return `${unknownTo(names, b, a.actors)} against ${unknownTo(names, a, b.actors)}`;
    case 'absent-protagonists':
      return `${unknownTo(names, b, a.contextWith('protagonist'))} against ${unknownTo(names, a, b.contextWith('protagonist'))}`;
    case 'absent-central-actor':
      return a.noProtagonist
        ? `${unknownTo(names, a, b.contextWith('central-actor'))} unknown to the other report`
        : `${unknownTo(names, b, a.contextWith('central-actor'))} unknown to the other report`;
    case 'absent-own-actors':
      return `${unknownTo(names, b, a.ownActors)} / ${unknownTo(names, a, b.ownActors)} unknown to the other report`;
    case 'absent-sentence-names':
      return `${unknownTo(names, b, a.sentenceNames)} / ${unknownTo(names, a, b.sentenceNames)} unknown to the other report`;
    default:
      return '';
  }
}

/** The trail's conclusion from its steps and the link made (or not). */
export function conclude(a: string, b: string, steps: TrailStep[], link: LinkDraft | null): PairTrail {
  if (link) {
    const verdict = `linked as ${link.relation}`;
    return { a, b, steps, linked: link.relation, decidedBy: 'linked', verdict, reason: '', detail: '' };
  }
  const last = [...steps].reverse().find((s) => s.outcome === 'reject');
  const rule = last?.rule ?? 'no-comparable-figures';
  const reason = reasonOf(rule);
  const detail = last?.detail ?? '';
  const verdict = `not linked: rule \`${rule}\` (${reason})${detail ? ` — ${detail}` : ''}`;
  return { a, b, steps, linked: null, decidedBy: rule, verdict, reason, detail };
}

export { CHOICE_RULES };
