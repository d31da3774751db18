// Use case: ingest articles — extract, de-duplicate, cross-reference against stored claims, store in one batch.
import type { Db } from '../../db/client';
import { type ClaimRef, insertArticles, type NewLink } from '../../db/queries/article-insert';
import { articlesByHashQuery, findArticlesByHashes, type StoredByHash } from '../../db/queries/articles';
import { type ArticleKey, readAll, type Statement } from '../../db/queries/batch';
import { type CandidateQuery, type Candidates, candidatesQuery } from '../../db/queries/candidates';
import { type DfMap, type DfQuery, termDfQuery, termStatsOf } from '../../db/queries/term-stats';
import {
  type ClaimForMatching,
  crossReference,
  type ExtractedArticle,
  entityNames,
  type TermStats,
  termStatsFrom,
  toMatchable,
  weightedTerms,
} from '../core';
import { type CopySignature, encodeSignature } from '../core/wire-copies';
import { type Compute, inThreadCompute } from './compute';
import type { CrossReferenceLater } from './crossref-later';
import { InputError } from './errors';
import { refreshFacts } from './fact-upkeep';
import { cleanInput, type IngestInput, type PreparedArticle, prepareArticle } from './ingest-prepare';
import { refreshStories } from './story-upkeep';
import { announceConflicts, isHighDisagreement } from './webhooks';
import { wireCopyGroups } from './wire-copies';

export type { IngestInput } from './ingest-prepare';

export type IngestResult =
  | {
      status: 'created';
      articleId: number;
      claims: number;
      /** 'done': compared with the archive, the counts below are final. */
      crossReference: 'done';
      conflicts: number;
      corroborations: number;
      links: number;
    }
  | { status: 'duplicate'; articleId: number; title: string };

/** An ingest with crossReferenceLater: stored, and compared with the archive shortly (crossref-later.ts). */
export type DeferredIngestResult =
  | IngestResult
  | { status: 'created'; articleId: number; claims: number; crossReference: 'pending' };

export interface IngestOptions {
  /**
   * Store now and cross-reference later: the articles are stored with no links, marked pending, and
   * handed to this function (the Worker's Queue). Without it, they are cross-referenced in this call.
   */
  crossReferenceLater?: CrossReferenceLater;
  /** Where extraction runs (src/services/compute.ts); absent = in this thread. */
  compute?: Compute;
  /**
   * Statements committed in the same atomic batch as a new article (an import item's or a feed item's
   * outcome: one round trip fewer, and no moment where the article is stored and its item still open),
   * given the article's key (its content hash and outlet), which they find it by (db/queries). Not run
   * when nothing new is stored: a duplicate or a failure is the caller's to record.
   */
  alongside?: (key: ArticleKey) => Statement[];
}

/** One article of a batch: stored, a duplicate, or rejected (the message says why). */
export type BatchIngestResult = IngestResult | { status: 'invalid'; message: string };
export type DeferredBatchResult = DeferredIngestResult | { status: 'invalid'; message: string };

const EMPTY = 'The article has no text once markup and whitespace are removed.';

const NO_LABEL = 'The outlet and the title need visible characters.';
const emptyMessage = (input: IngestInput) => {
  const clean = cleanInput(input);
  return clean.outlet && clean.title ? EMPTY : NO_LABEL;
};

/** Claim refs of the articles being ingested: `n<article index>:<position>`; stored claims are their id. */
const newRef = (k: number, position: number) => `n${k}:${position}`;

/** Stored frequencies plus the incoming articles' own claims, so a first article is weighted too. */
function mergeStats(stored: TermStats, incoming: TermStats): TermStats {
  return { total: stored.total + incoming.total, df: (t) => stored.df(t) + incoming.df(t) };
}

/**
 * Whether an article with the same text as `input` is `input` again (a duplicate, refused): the same
 * outlet, or the same URL. The same text from another outlet under another URL is a reprint, stored as
 * a wire copy of the first (docs/wire-copies.md).
 */
const sameArticle = (input: IngestInput, other: { outlet: string; url?: string | null }) =>
  input.outlet === other.outlet || (!!input.url && input.url === other.url);

function toClaimRef(ref: string): ClaimRef | null {
  const m = /^n(\d+):(\d+)$/.exec(ref);
  if (m) return { article: Number(m[1]), position: Number(m[2]) };
  const id = Number(ref);
  return Number.isInteger(id) ? { id } : null;
}

/** Ingests one article; throws InputError when it has no text. */
export async function ingestArticle(db: Db, input: IngestInput): Promise<IngestResult>;
export async function ingestArticle(
  db: Db,
  input: IngestInput,
  options: IngestOptions,
): Promise<DeferredIngestResult>;
export async function ingestArticle(
  db: Db,
  input: IngestInput,
  options: IngestOptions = {},
): Promise<DeferredIngestResult> {
  const [result] = await ingestArticles(db, [input], options);
  if (!result || result.status === 'invalid') throw new InputError(result?.message ?? EMPTY);
  return result;
}

/**
 * Ingests several articles with one candidate lookup and one atomic insert batch: the bulk path
 * (CLI, seeds, benchmarks). The result is the same as ingesting them one after another, except
 * that term weights count the whole batch at once and a link between two articles of the batch
 * points from the earlier to the later. Duplicates (stored, or repeated inside the batch) and
 * texts that are empty once cleaned are reported per article and do not stop the others.
 */
export async function ingestArticles(db: Db, inputs: IngestInput[]): Promise<BatchIngestResult[]>;
export async function ingestArticles(
  db: Db,
  inputs: IngestInput[],
  options: IngestOptions,
): Promise<DeferredBatchResult[]>;
export async function ingestArticles(
  db: Db,
  inputs: IngestInput[],
  options: IngestOptions = {},
): Promise<DeferredBatchResult[]> {
  const compute = options.compute ?? inThreadCompute;
  const prepared = await Promise.all(inputs.map((input) => prepareArticle(input, compute)));
  return storePrepared(db, inputs, prepared, options);
}

/**
 * The rest of ingestArticles, once `inputs` are read (`prepared`, by prepareArticle: null for an empty
 * one): the duplicate check, the archive lookup, cross-referencing, one atomic insert batch, upkeep.
 * The bulk path (ingest-batches.ts) prepares the next batch elsewhere while this stores one.
 */
export async function storePrepared(
  db: Db,
  inputs: IngestInput[],
  prepared: (PreparedArticle | null)[],
  options: IngestOptions = {},
): Promise<DeferredBatchResult[]> {
  const later = options.crossReferenceLater;
  // The articles to store unless stored already: the first of their text from their outlet (or URL) in
  // this batch; `twinOf` maps each later one to it.
  const unique: Unique[] = [];
  const twinOf = new Map<number, Unique>();
  const byHash = new Map<string, Unique[]>();
  for (const [at, p] of prepared.entries()) {
    if (!p) continue;
    const same = byHash.get(p.contentHash) ?? [];
    const twin = same.find((u) => sameArticle(p.input, u.input));
    if (twin) {
      twinOf.set(at, twin);
      continue;
    }
    const u = { ...p, at };
    byHash.set(p.contentHash, [...same, u]);
    unique.push(u);
  }
  // One read for the duplicate check and the archive lookup for the batch as if none of it were
  // stored (redone below in the rare case some of it is). Deferred, there is no read: the insert
  // itself refuses the same outlet's text (the unique index on hash and source) and the catch below
  // reports it, and marks another outlet's as its copy (article-insert.ts).
  const first = later || unique.length === 0 ? null : archiveRead(unique);
  let existing = new Map<string, StoredByHash[]>();
  let archive: Archive | null = null;
  if (first) {
    const [found, candidates, terms] = await readAll(db, [
      articlesByHashQuery([...byHash.keys()]),
      first.candidates,
      first.terms,
    ]);
    existing = found;
    archive = { candidates, terms };
  } else if (!later) [existing] = await readAll(db, [articlesByHashQuery([...byHash.keys()])]);
  const storedTwin = (u: Unique) => existing.get(u.contentHash)?.find((s) => sameArticle(u.input, s));
  const fresh = unique.filter((u) => !storedTwin(u));
  const freshIndex = new Map(fresh.map((f, k) => [f.at, k]));
  // Verbatim reprints (the same text as a stored article or an earlier one of the batch, from another
  // outlet): copies of it whatever their length, before any near-duplicate estimate.
  const exactOf = fresh.map((f, k): string | undefined => {
    const stored = existing.get(f.contentHash);
    if (stored?.length) return String(Math.min(...stored.map((s) => s.group)));
    const j = fresh.findIndex((e) => e.contentHash === f.contentHash);
    return j < k ? `n${j}` : undefined;
  });

  let stored: { ids: number[]; links: NewLink[][] } | null = null;
  if (fresh.length > 0) {
    let linksOf: NewLink[][];
    let originalOf: (string | undefined)[] = exactOf;
    if (later) {
      // Deferred: stored with no links yet; crossReferenceStored adds them (and finds near copies).
      linksOf = fresh.map(() => []);
    } else {
      // Read again only when some of the batch turned out to be stored: the lookup was for all of it.
      const read = fresh.length === unique.length ? first! : archiveRead(fresh);
      if (read !== first) {
        const [candidates, terms] = await readAll(db, [read.candidates, read.terms]);
        archive = { candidates, terms };
      }
      ({ linksOf, originalOf } = await linksOfFresh(db, fresh, exactOf, read.incoming, archive!));
    }
    const articles = fresh.map((f, k) => ({
      outlet: f.input.outlet,
      title: f.input.title,
      url: f.input.url ?? null,
      publishedAt: f.input.publishedAt ?? null,
      author: f.input.author ?? null,
      body: f.extracted.text,
      contentHash: f.contentHash,
      claims: f.extracted.claims,
      entities: f.extracted.entities,
      mentions: f.extracted.mentions,
      links: linksOf[k]!,
      pendingNames: later ? [...entityNames([f.extracted])] : undefined,
      copySignature: encodeSignature(f.signature),
      copyOf: originalOf[k] && /^\d+$/.test(originalOf[k]!) ? Number(originalOf[k]) : null,
      // A wire copy of an article of this same batch: marked in the insert batch, by the original's hash.
      copyOfEarlier: originalOf[k]?.startsWith('n') ? Number(originalOf[k]!.slice(1)) : undefined,
    }));
    try {
      const alongside = options.alongside;
      stored = {
        ids: await insertArticles(
          db,
          articles,
          alongside
            ? fresh.flatMap((f) => alongside({ contentHash: f.contentHash, outlet: f.input.outlet }))
            : [],
        ),
        links: linksOf,
      };
    } catch (err) {
      // The same text from the same outlet stored concurrently (or, deferred, before: nothing was read):
      // the unique index on hash and source rejected the batch as a whole. One article: report the
      // duplicate. Several: store them one by one, which sorts it out.
      if (fresh.length > 1) {
        const results: DeferredBatchResult[] = [];
        for (const input of inputs) results.push(...(await ingestArticles(db, [input], options)));
        return results;
      }
      const f = fresh[0]!;
      const raced = (await findArticlesByHashes(db, [f.contentHash]))
        .get(f.contentHash)
        ?.find((s) => sameArticle(f.input, s));
      if (raced) return [{ status: 'duplicate', articleId: raced.id, title: raced.title }];
      throw err;
    }
    // Claims linked as stating the same figure join (or form, or merge) facts.
    if (!later && linksOf.some((l) => l.length > 0)) {
      await refreshFacts(db, stored.ids);
      // Articles sharing those facts (and an entity) join, form or merge stories.
      await refreshStories(db, stored.ids);
      // Webhooks subscribed to new high-severity disagreements hear of them.
      if (linksOf.some((l) => l.some(isHighDisagreement))) await announceConflicts(db, stored.ids);
    }
    if (later) {
      // Stored and marked pending whatever happens here: the sweeper (crossref-later.ts) sends it again.
      await later(stored.ids).catch((err) =>
        console.error('crosscheck: could not queue the cross-reference; the sweeper will', err),
      );
    }
  }

  const batch = stored;
  return prepared.map((p, at): DeferredBatchResult => {
    if (!p) return { status: 'invalid', message: emptyMessage(inputs[at]!) };
    const u = twinOf.get(at) ?? unique.find((e) => e.at === at)!;
    const old = storedTwin(u);
    if (old) return { status: 'duplicate', articleId: old.id, title: old.title };
    const k = freshIndex.get(u.at)!;
    const f = fresh[k]!;
    const articleId = batch!.ids[k]!;
    if (f.at !== at) return { status: 'duplicate', articleId, title: f.input.title };
    const claims = f.extracted.claims.length;
    if (later) return { status: 'created', articleId, claims, crossReference: 'pending' };
    const links = batch!.links[k]!;
    const conflicts = links.filter((l) => l.relation !== 'corroboration').length;
    return {
      status: 'created',
      articleId,
      claims,
      crossReference: 'done',
      conflicts,
      corroborations: links.length - conflicts,
      links: links.length,
    };
  });
}

/** An article of a batch to store unless stored already, and its index in the batch. */
type Unique = PreparedArticle & { at: number };

/** Claims of the articles being ingested, as the cross-referencer sees them (refs `n<k>:<position>`). */
const incomingOf = (fresh: { extracted: ExtractedArticle }[]): ClaimForMatching[] =>
  fresh.flatMap((f, k) => f.extracted.claims.map((c) => toMatchable(c, newRef(k, c.position), `n${k}`)));

/**
 * What the cross-referencer needs from the archive for `fresh` articles, as statements for one read
 * batch: the candidates with their terms' stored frequencies, and the incoming claims' own terms'
 * (weightedTerms: together, every term it may weigh).
 */
interface ArchiveRead {
  incoming: ClaimForMatching[];
  candidates: CandidateQuery;
  terms: DfQuery;
}

/** The answer to an ArchiveRead. */
interface Archive {
  candidates: Candidates;
  terms: DfMap;
}

function archiveRead(fresh: { extracted: ExtractedArticle }[]): ArchiveRead {
  const incoming = incomingOf(fresh);
  const candidates = candidatesQuery(incoming.flatMap((c) => c.keys));
  const terms = termDfQuery(weightedTerms(incoming, []));
  return { incoming, candidates, terms };
}

/**
 * The links of `fresh` articles (about to be stored together) with the stored claims and with each
 * other, per article, from their `incoming` claims and the `archive` archiveRead(fresh) answered: each
 * link belongs to the later of the batch's articles it touches. `exactOf`: per article, the stored id or
 * earlier key (`n<k>`) whose very text it is, if any.
 */
async function linksOfFresh(
  db: Db,
  fresh: { extracted: ExtractedArticle; signature: CopySignature }[],
  exactOf: (string | undefined)[],
  incoming: ClaimForMatching[],
  archive: Archive,
): Promise<{ linksOf: NewLink[][]; originalOf: (string | undefined)[] }> {
  const stats = mergeStats(termStatsOf(archive.terms, archive.candidates.df), termStatsFrom(incoming));
  const candidates = archive.candidates.claims;
  // Wire copies among the batch and the stored articles it is compared with: their claims are one
  // source's, so a link between two of them is neither corroboration nor conflict.
  const groups = await wireCopyGroups(
    db,
    fresh.map((f, k) => ({ key: `n${k}`, signature: f.signature, copyOf: exactOf[k] })),
    candidates.map((c) => Number(c.article)),
  );
  const articleOf = new Map([...incoming, ...candidates].map((c) => [c.ref, c.article]));
  const drafts = crossReference(
    incoming,
    candidates,
    stats,
    entityNames(fresh.map((f) => f.extracted)),
  ).filter((d) => !groups.sameGroup(articleOf.get(d.a) ?? '', articleOf.get(d.b) ?? ''));

  const linksOf: NewLink[][] = fresh.map(() => []);
  for (const d of drafts) {
    const a = toClaimRef(d.a);
    const b = toClaimRef(d.b);
    // Links between two stored claims were stored when the later of them was ingested.
    if (!a || !b || ('id' in a && 'id' in b)) continue;
    const owner = Math.max('id' in a ? -1 : (a.article ?? 0), 'id' in b ? -1 : (b.article ?? 0));
    linksOf[owner]!.push({
      a,
      b,
      relation: d.relation,
      score: d.score,
      severity: d.severity,
      explanation: d.explanation,
    });
  }
  return { linksOf, originalOf: groups.originalOf };
}
