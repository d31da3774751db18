// Use case: ingest one article — extract, de-duplicate, cross-reference against stored claims, store in one batch.
import type { Db } from '../../db/client';
import { type ClaimRef, findArticleByHash, insertArticleBatch } from '../../db/queries/articles';
import { candidateClaims, termStats } from '../../db/queries/candidates';
import { upsertSource } from '../../db/queries/sources';
import {
  crossReference,
  entityNames,
  extractArticle,
  type LinkDraft,
  looksLikeHtml,
  type TermStats,
  termStatsFrom,
  toMatchable,
} from '../core';
import { InputError } from './errors';
import { sha256Hex } from './hash';

export interface IngestInput {
  outlet: string;
  title: string;
  url?: string | null;
  publishedAt?: string | null;
  text: string;
  /** 'auto' treats input wrapped in markup as HTML. */
  format?: 'auto' | 'text' | 'html';
}

export type IngestResult =
  | {
      status: 'created';
      articleId: number;
      claims: number;
      conflicts: number;
      corroborations: number;
      links: number;
    }
  | { status: 'duplicate'; articleId: number; title: string };

const NEW = 'new';
const newRef = (position: number) => `${NEW}:${position}`;

/** Stored frequencies plus the incoming article's own claims, so a first article is weighted too. */
function mergeStats(stored: TermStats, incoming: TermStats): TermStats {
  return { total: stored.total + incoming.total, df: (t) => stored.df(t) + incoming.df(t) };
}

function toClaimRef(ref: string): ClaimRef | null {
  if (ref.startsWith(`${NEW}:`)) return { position: Number(ref.slice(NEW.length + 1)) };
  const id = Number(ref);
  return Number.isInteger(id) ? { id } : null;
}

export async function ingestArticle(db: Db, input: IngestInput): Promise<IngestResult> {
  const html = input.format === 'html' || (input.format !== 'text' && looksLikeHtml(input.text));
  const extracted = extractArticle(input.text, { html });
  if (extracted.text.trim() === '')
    throw new InputError('The article has no text once markup and whitespace are removed.');

  const contentHash = await sha256Hex(extracted.text);
  const existing = await findArticleByHash(db, contentHash);
  if (existing) return { status: 'duplicate', articleId: existing.id, title: existing.title };

  const incoming = extracted.claims.map((c) => toMatchable(c, newRef(c.position), NEW));
  const keys = [...new Set(incoming.flatMap((c) => c.keys))];
  const stored = await candidateClaims(db, keys);
  const terms = [...new Set([...incoming, ...stored].flatMap((c) => [...c.terms, ...c.contextTerms]))];
  const stats = mergeStats(await termStats(db, terms), termStatsFrom(incoming));
  const drafts = crossReference(incoming, stored, stats, entityNames([extracted]));

  const newLinks = drafts.flatMap((d: LinkDraft) => {
    const a = toClaimRef(d.a);
    const b = toClaimRef(d.b);
    // Links between two stored claims were stored when the later of them was ingested.
    if (!a || !b || ('id' in a && 'id' in b)) return [];
    return [{ a, b, relation: d.relation, score: d.score, severity: d.severity, explanation: d.explanation }];
  });

  const sourceId = await upsertSource(db, input.outlet);
  let articleId: number;
  try {
    articleId = await insertArticleBatch(db, {
      sourceId,
      title: input.title,
      url: input.url ?? null,
      publishedAt: input.publishedAt ?? null,
      body: extracted.text,
      contentHash,
      claims: extracted.claims,
      entities: extracted.entities,
      mentions: extracted.mentions,
      links: newLinks,
    });
  } catch (err) {
    // The same text ingested concurrently: the unique content_hash rejected our batch as a whole.
    const raced = await findArticleByHash(db, contentHash);
    if (raced) return { status: 'duplicate', articleId: raced.id, title: raced.title };
    throw err;
  }
  const conflicts = newLinks.filter((l) => l.relation !== 'corroboration').length;
  return {
    status: 'created',
    articleId,
    claims: extracted.claims.length,
    conflicts,
    corroborations: newLinks.length - conflicts,
    links: newLinks.length,
  };
}
