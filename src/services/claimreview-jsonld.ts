// schema.org ClaimReview for reviewed claims: the export and the JSON-LD each claim page embeds.
//
// reviewRating.ratingValue, on a 1–5 scale (worstRating 1, bestRating 5), alternateName in words:
//   1 False · 2 Disputed · 3 Unverifiable · 5 Verified   (4 is unused: we have no "mostly true").
import type { Db } from '../../db/client';
import { type ClaimSummary, claimSummaries, listClaimIds, previousSentences } from '../../db/queries/claims';
import { corroborationsOfFacts } from '../../db/queries/facts';
import { type LinkWithClaims, linksOfClaims } from '../../db/queries/links';
import { historiesOf } from '../../db/queries/reviews';
import { type NearbyName, namesBefore } from '../../db/queries/subjects';
import { DEFAULT_ORG_NAME } from '../config';
import type { AppSettings } from '../shared/app-env';
import type { HistoryEntry } from '../shared/history';
import type { ClaimStatus } from '../shared/statuses';
import { agreementGroups } from './fact-model';
import { contradictedClaims } from './verdict-rules';

export const RATING_SCALE: Record<Exclude<ClaimStatus, 'unreviewed'>, { value: number; name: string }> = {
  false: { value: 1, name: 'False' },
  disputed: { value: 2, name: 'Disputed' },
  unverifiable: { value: 3, name: 'Unverifiable' },
  verified: { value: 5, name: 'Verified' },
};

const isHttp = (u: string | null): u is string => !!u && /^https?:\/\//i.test(u);

function appearance(c: ClaimSummary, origin: string) {
  return {
    '@type': 'NewsArticle',
    headline: c.articleTitle,
    url: isHttp(c.articleUrl) ? c.articleUrl : `${origin}/articles/${c.articleId}`,
    ...(c.publishedAt ? { datePublished: c.publishedAt } : {}),
    publisher: { '@type': 'Organization', name: c.outlet },
  };
}

/**
 * When the current verdict was given: the newest history entry that set the status to what it is.
 * Callers pass histories in either order (the claim page newest first, the export oldest first), so
 * the newest is found by time, not by position.
 */
function verdictDate(status: string, history: HistoryEntry[]): string | undefined {
  const sets = /^(mark|approve)_/;
  let at: number | undefined;
  for (const h of history) {
    if (sets.test(h.action) && h.toStatus === status && (at === undefined || h.createdAt > at))
      at = h.createdAt;
  }
  return at === undefined ? undefined : new Date(at).toISOString().slice(0, 10);
}

export interface ClaimReviewInput {
  claim: ClaimSummary;
  /** Links touching the claim: corroborating claims are further appearances of it. */
  links: LinkWithClaims[];
  history: HistoryEntry[];
  /** What the claim's opening pronoun stands for (see claimWithSubject). */
  context?: PreviousSentence;
  /**
   * Claims that agree with it through its fact's corroborations without a link of their own to it (a
   * later report repeating the figure through another outlet's): further appearances.
   */
  agreeing?: ClaimSummary[];
}

export interface PreviousSentence {
  /** The sentence before the claim. */
  previous: string | null;
  /** The names that sentence mentions, in reading order. */
  names: NearbyName[];
}

// A claim that opens with a pronoun names its subject in the sentence before.
const OPENING_PRONOUN = /^(it|its|they|their|he|his|she|her|this|that|these|those)\b/i;
const PERSONAL = new Set(['he', 'his', 'she', 'her']);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her']);

/** Whether the claim's own sentence lacks its subject, so the export needs the sentence before. */
export const needsSubject = (text: string) => OPENING_PRONOUN.test(text.trim());

/**
 * The claim as a reader elsewhere needs it: "It is a coalition of 57 countries" says nothing on its
 * own. The opening pronoun becomes, in brackets (the editorial convention for a substitution), the
 * last name of the right kind in the sentence before — a person for he/she, anything else for it and
 * the rest; without one, the sentence before comes first.
 */
export function claimWithSubject(text: string, context: PreviousSentence | undefined): string {
  const m = OPENING_PRONOUN.exec(text.trim());
  if (!m || !context) return text;
  const word = (m[1] as string).toLowerCase();
  const person = PERSONAL.has(word);
  const name = [...context.names].reverse().find((n) => (n.type === 'person') === person)?.name;
  if (name) return `[${name}${POSSESSIVE.has(word) ? "'s" : ''}]${text.trim().slice(m[0].length)}`;
  return context.previous ? `${context.previous.trim()} ${text.trim()}` : text;
}

/** One ClaimReview, or null while the claim has no final verdict. */
export function claimReviewOf(
  { claim, links, history, context, agreeing = [] }: ClaimReviewInput,
  settings: AppSettings,
  origin: string,
): Record<string, unknown> | null {
  if (claim.status === 'unreviewed') return null;
  // Never publish a verdict that contradicts another (an editor's logged override can store one).
  const status = new Map(
    links.flatMap((l) => [[l.a.id, l.a.status] as const, [l.b.id, l.b.status] as const]),
  );
  status.set(claim.id, claim.status);
  if (contradictedClaims(links, status, [claim.id]).has(claim.id)) return null;
  const rating = RATING_SCALE[claim.status];
  const seen = new Map<number, ClaimSummary>([[claim.articleId, claim]]);
  for (const l of links) {
    if (l.relation !== 'corroboration') continue;
    const other = l.claimA === claim.id ? l.b : l.a;
    if (!seen.has(other.articleId)) seen.set(other.articleId, other);
  }
  for (const other of agreeing) if (!seen.has(other.articleId)) seen.set(other.articleId, other);
  const date = verdictDate(claim.status, history);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${origin}/claims/${claim.id}`,
    claimReviewed: claimWithSubject(claim.text, context),
    ...(date ? { datePublished: date } : {}),
    author: {
      '@type': 'Organization',
      name: settings.orgName ?? DEFAULT_ORG_NAME,
      ...(settings.orgUrl ? { url: settings.orgUrl } : {}),
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.name,
    },
    itemReviewed: {
      '@type': 'Claim',
      appearance: [...seen.values()].map((c) => appearance(c, origin)),
    },
  };
}

/** A page of reviewed claims as ClaimReviews (a JSON-LD @graph), oldest claim first. */
export async function claimReviewExport(
  db: Db,
  page: { limit: number; offset: number },
  settings: AppSettings,
  origin: string,
) {
  const ids = await listClaimIds(db, { status: 'reviewed', ...page });
  const [summaries, links, histories] = await Promise.all([
    claimSummaries(db, ids),
    linksOfClaims(db, ids),
    historiesOf(db, 'claim', ids),
  ]);
  const [contexts, agreeing] = await Promise.all([
    subjectContexts(
      db,
      [...summaries.values()].filter((c) => needsSubject(c.text)).map((c) => c.id),
    ),
    agreeingClaims(db, ids, links),
  ]);
  const graph = ids.flatMap((id) => {
    const claim = summaries.get(id);
    if (!claim) return [];
    const mine = links.filter((l) => l.claimA === id || l.claimB === id);
    const review = claimReviewOf(
      {
        claim,
        links: mine,
        history: histories.get(id) ?? [],
        context: contexts.get(id),
        agreeing: agreeing.get(id),
      },
      settings,
      origin,
    );
    if (!review) return [];
    const { '@context': _, ...rest } = review;
    return [rest];
  });
  return { body: { '@context': 'https://schema.org', '@graph': graph }, more: ids.length === page.limit };
}

/**
 * Per claim, the claims of its facts that agree with it (one agreement group: corroborations joined,
 * as the fact page groups them), with their summaries.
 */
async function agreeingClaims(
  db: Db,
  ids: number[],
  links: LinkWithClaims[],
): Promise<Map<number, ClaimSummary[]>> {
  const facts = [...new Set(links.flatMap((l) => (l.factId === null ? [] : [l.factId])))];
  const ties = await corroborationsOfFacts(db, facts);
  const byFact = new Map<number, typeof ties>();
  for (const t of ties) byFact.set(t.factId, [...(byFact.get(t.factId) ?? []), t]);
  const wanted = new Map<number, Set<number>>();
  for (const list of byFact.values()) {
    const claims = [...new Set(list.flatMap((t) => [t.claimA, t.claimB]))];
    const groups = agreementGroups(
      claims,
      list.map((t) => ({ ...t, relation: 'corroboration' })),
    );
    for (const id of ids) {
      if (!groups.has(id)) continue;
      const mates = wanted.get(id) ?? new Set<number>();
      for (const c of claims) if (c !== id && groups.get(c) === groups.get(id)) mates.add(c);
      wanted.set(id, mates);
    }
  }
  const summaries = await claimSummaries(db, [...new Set([...wanted.values()].flatMap((s) => [...s]))]);
  const out = new Map<number, ClaimSummary[]>();
  for (const [id, mates] of wanted)
    out.set(
      id,
      [...mates].flatMap((c) => summaries.get(c) ?? []),
    );
  return out;
}

/** The sentence before each claim and the names in it, for the claims that open with a pronoun. */
export async function subjectContexts(db: Db, ids: number[]): Promise<Map<number, PreviousSentence>> {
  const out = new Map<number, PreviousSentence>();
  if (ids.length === 0) return out;
  const [previous, names] = await Promise.all([previousSentences(db, ids), namesBefore(db, ids)]);
  for (const id of ids) out.set(id, { previous: previous.get(id) ?? null, names: names.get(id) ?? [] });
  return out;
}
