// Use case: the conflict queue and one conflict side by side, with the word diff of the two claims.
import type { Db } from '../../db/client';
import { type Counts, countsAndVersion, dataVersion } from '../../db/queries/counters';
import { type ConflictFilter, getLink, type LinkWithClaims } from '../../db/queries/links';
import { listQueueEntries, pairsOfFact, type QueueEntry } from '../../db/queries/queue-facts';
import { listReviewers, listReviews } from '../../db/queries/reviews';
import { listSources } from '../../db/queries/sources';
import { speakersOf } from '../../db/queries/speakers';
import { wordDiff } from '../core';
import type { QueueQuery } from '../shared/read-queries';
import type { User } from '../shared/user';
import { NotFoundError } from './errors';
import { type RepeatedVerdict, repeatedInFacts } from './fact-repeats';
import { sharedVersionRead, VersionedCache } from './versioned-cache';

/** The queue's assignee parameter for the query layer: "me" is the signed-in login, "none" unassigned. */
export function assigneeFilter(query: QueueQuery, user: User | null): ConflictFilter['assignee'] | false {
  if (!query.assignee) return undefined;
  if (query.assignee === 'none') return null;
  if (query.assignee === 'me') return user ? user.login : false;
  return query.assignee;
}

type Reviewer = Awaited<ReturnType<typeof listReviewers>>[number];

/** What the queue shows that is the same for every reader of one data version. */
interface QueueData {
  /** One per fact in disagreement (or per pair in no fact), most severe first, with its pairs. */
  entries: QueueEntry[];
  /** The pairs of this page's entries, in order (what the bulk form and the JSON twin's items list). */
  items: LinkWithClaims[];
  /** Entries matching the filters, over the whole result (pages are of entries). */
  total: number;
  /** Claim id → the earlier verdict its figure repeats (a figure ruled false reported again). */
  repeats: Record<number, RepeatedVerdict>;
  outlets: string[];
  /** Claim id → the speaker whose figure it is, where the compared figure sits in a quote. */
  speakers: Record<number, string>;
}

/** The queue's data per filter set, valid for one data version (see VersionedCache). */
export type QueueDataCache = VersionedCache<Promise<QueueData>>;

const dataCaches = new WeakMap<Db, QueueDataCache>();

/**
 * What a cached rendering of the queue (its page, its JSON) depends on besides the filters: the data
 * version, and for a signed-in reader the reviewers they may pick from (users are not versioned: read
 * each time). Both in one turn; the version read is shared by requests arriving together.
 */
export async function queueReaderState(
  db: Db,
  user: User | null,
): Promise<{ version: number; reviewers: Reviewer[] | undefined }> {
  const [version, reviewers] = await Promise.all([
    sharedVersionRead(db, () => dataVersion(db)),
    user ? listReviewers(db) : undefined,
  ]);
  return { version, reviewers };
}

/** The queue data cache of one database, shared by the page and its JSON twin. */
export function queueDataCache(db: Db): QueueDataCache {
  let cache = dataCaches.get(db);
  if (!cache) {
    cache = new VersionedCache(64);
    dataCaches.set(db, cache);
  }
  return cache;
}

async function loadQueue(
  db: Db,
  query: QueueQuery,
  assignee: ConflictFilter['assignee'] | false,
): Promise<QueueData> {
  const filter = assignee === false ? null : { ...query, assignee };
  const [list, outlets] = await Promise.all([
    // "my queue" without a signed-in user matches nothing rather than everything.
    filter === null ? { entries: [], total: 0 } : listQueueEntries(db, filter),
    listSources(db),
  ]);
  const items = list.entries.flatMap((e) => e.pairs);
  const [speakers, repeats] = await Promise.all([
    figureSpeakers(db, items),
    repeatedInFacts(
      db,
      list.entries.flatMap((e) => (e.factId === null ? [] : [e.factId])),
    ),
  ]);
  return {
    entries: list.entries,
    items,
    total: list.total,
    outlets: outlets.map((o) => o.name),
    speakers,
    repeats,
  };
}

/** Claim id → the speaker whose figure it is, where the compared figure sits in a quote. */
async function figureSpeakers(db: Db, items: LinkWithClaims[]): Promise<Record<number, string>> {
  const quotes = await speakersOf(
    db,
    items.flatMap((l) => [l.claimA, l.claimB]),
  );
  const speakers: Record<number, string> = {};
  for (const l of items) {
    for (const [claim, side] of [
      [l.claimA, l.explanation.a],
      [l.claimB, l.explanation.b],
    ] as const) {
      const who = side
        ? (quotes.get(claim) ?? []).find((q) => q.speaker && q.text.includes(side.text))
        : undefined;
      if (who?.speaker) speakers[claim] = who.speaker;
    }
  }
  return speakers;
}

/** The most pairs an unfolded queue row lists; the fact page has them all. */
export const PAIRS_ON_UNFOLD = 20;

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** The queue's order over pairs already read (the statement that picks them does not keep it). */
function queueOrder(sort: QueueQuery['sort']): (x: LinkWithClaims, y: LinkWithClaims) => number {
  if (sort === 'newest') return (x, y) => y.id - x.id;
  if (sort === 'score') return (x, y) => y.score - x.score || x.id - y.id;
  return (x, y) => RANK[x.severity] - RANK[y.severity] || y.score - x.score || x.id - y.id;
}

/**
 * A fact's pairs as its unfolded queue row lists them (htmx asks when the row is opened, so the queue
 * carries none of them): the first PAIRS_ON_UNFOLD matching the queue's filters, in its order.
 */
export async function unfoldedFact(db: Db, factId: number, query: QueueQuery, user: User | null) {
  const assignee = assigneeFilter(query, user);
  const read =
    assignee === false ? [] : await pairsOfFact(db, { ...query, assignee }, factId, PAIRS_ON_UNFOLD + 1);
  const pairs = read.sort(queueOrder(query.sort)).slice(0, PAIRS_ON_UNFOLD);
  return { factId, pairs, more: read.length > PAIRS_ON_UNFOLD, speakers: await figureSpeakers(db, pairs) };
}

export type UnfoldedFact = Awaited<ReturnType<typeof unfoldedFact>>;

/**
 * The queue and the data version it was read at. The totals and the version come from one read of
 * the counters row; the list, read after it, is at least that new. With a cache, requests of one
 * version and filter set share one load (also while it is still running).
 */
export async function conflictQueueAt(
  db: Db,
  query: QueueQuery,
  user: User | null = null,
  cache?: QueueDataCache,
  /** The reviewers list when the caller has read it already (signed-in readers only). */
  knownReviewers?: Reviewer[],
) {
  const assignee = assigneeFilter(query, user);
  const [{ version, ...totals }, reviewers] = await Promise.all([
    countsAndVersion(db),
    knownReviewers ?? (user ? listReviewers(db) : []),
  ]);
  const key = JSON.stringify([query, assignee]);
  let data = cache?.get(version, key);
  if (!data) {
    const loading = loadQueue(db, query, assignee);
    data = loading;
    if (cache) {
      cache.set(version, key, loading);
      loading.catch(() => cache.delete(version, key, loading));
    }
  }
  const { entries, items, total, outlets, speakers, repeats } = await data;
  const counts: Counts = totals;
  return {
    version,
    queue: { entries, items, total, counts, outlets, reviewers, query, user, speakers, repeats },
  };
}

export async function conflictQueue(db: Db, query: QueueQuery, user: User | null = null) {
  return (await conflictQueueAt(db, query, user)).queue;
}

export type ConflictQueue = Awaited<ReturnType<typeof conflictQueue>>;

export async function conflictDetail(db: Db, id: number) {
  const link = await getLink(db, id);
  if (!link) throw new NotFoundError(`There is no conflict ${id}.`);
  const [reviews, reviewsA, reviewsB, quotes] = await Promise.all([
    listReviews(db, { type: 'link', id }),
    listReviews(db, { type: 'claim', id: link.claimA }),
    listReviews(db, { type: 'claim', id: link.claimB }),
    speakersOf(db, [link.claimA, link.claimB]),
  ]);
  // Whose figure each side is: a figure inside a quote is the speaker's ("Austin, quoted by CNN").
  const speaker = (claim: number, figure: string | undefined) =>
    figure
      ? ((quotes.get(claim) ?? []).find((q) => q.speaker && q.text.includes(figure))?.speaker ?? null)
      : null;
  const speakers = {
    a: speaker(link.claimA, link.explanation.a?.text),
    b: speaker(link.claimB, link.explanation.b?.text),
  };
  return { link, diff: wordDiff(link.a.text, link.b.text), reviews, reviewsA, reviewsB, speakers };
}

export type ConflictDetail = Awaited<ReturnType<typeof conflictDetail>>;
