// Use case: add an article from its URL. Refuses a URL already stored (before fetching, and again
// with the page's final and canonical URLs), reads the page (src/web/reader.ts), ingests its text
// with the page's own title, outlet, author and date unless the caller gave them.

import type { Db } from '../../db/client';
import { articleByUrls } from '../../db/queries/article-urls';
import { checkedUrl } from '../web/fetch-page';
import { articleUrl, type WebReader } from '../web/reader';
import { InputError } from './errors';
import { type DeferredIngestResult, type IngestOptions, ingestArticle } from './ingest';

export interface UrlInput {
  url: string;
  outlet?: string;
  title?: string;
  publishedAt?: string;
}

/** The URL (or the page's canonical URL) belongs to a stored article. */
export class UrlAlreadyStoredError extends InputError {
  override name = 'UrlAlreadyStoredError';
  constructor(
    readonly url: string,
    readonly articleId: number,
    readonly title: string,
  ) {
    super(`${url} is already stored as article ${articleId} ("${title}"); nothing new was stored.`);
  }
}

/** Adding by URL was asked of an app that has no web reader (a test app, or a misconfigured entry). */
export class WebIngestUnavailableError extends InputError {
  override name = 'WebIngestUnavailableError';
}

export type UrlIngestResult = DeferredIngestResult & { url: string; author?: string };

/** A page read for adding (readArticleToAdd): everything storing it needs, small enough for a queue message. */
export interface PageToAdd {
  /** The URL it is stored under: the page's canonical URL, else its final one. */
  url: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  text: string;
  author?: string;
}

/** The first stored article with one of `urls` refuses the add. */
async function refuseStored(db: Db, urls: string[]): Promise<void> {
  const stored = await articleByUrls(db, urls);
  if (stored) throw new UrlAlreadyStoredError(stored.url, stored.id, stored.title);
}

/**
 * The first half of adding by URL: refuses a URL already stored (before fetching, and again with the
 * page's final and canonical URLs), reads the page, and fills in title, outlet and date from it unless
 * the caller gave them. Nothing is stored.
 */
export async function readArticleToAdd(
  db: Db,
  reader: WebReader | undefined,
  input: UrlInput,
): Promise<PageToAdd> {
  const { page, otherUrls } = await readPageToAdd(db, reader, input);
  await refuseStored(db, otherUrls);
  return page;
}

/**
 * readArticleToAdd without its last check: the page, and the URLs it turned out to have besides the
 * one given (its final and canonical URLs), which the caller refuses if stored (url-add.ts does it in
 * the batch that records the add). `refuseFirst: false` leaves the given URL's check to the caller too
 * (one round trip fewer; the page is then fetched before a stored URL is refused), except when the page
 * cannot be read: a stored URL is still refused as such rather than as a failed fetch.
 */
export async function readPageToAdd(
  db: Db,
  reader: WebReader | undefined,
  input: UrlInput,
  { refuseFirst = true }: { refuseFirst?: boolean } = {},
): Promise<{ page: PageToAdd; otherUrls: string[] }> {
  if (!reader)
    throw new WebIngestUnavailableError('Adding articles by URL is not available here; paste the text.');
  const given = articleUrl(checkedUrl(input.url, reader.policy).href);
  if (refuseFirst) await refuseStored(db, [given]);
  let page: Awaited<ReturnType<WebReader['readArticle']>>;
  try {
    page = await reader.readArticle(given);
  } catch (err) {
    if (!refuseFirst && err instanceof InputError) await refuseStored(db, [given]);
    throw err;
  }
  const url = page.canonicalUrl ?? page.url;
  const otherUrls = [...new Set([...(refuseFirst ? [] : [given]), page.url, url])].filter(
    (u) => !refuseFirst || u !== given,
  );
  const host = new URL(url).hostname.replace(/^www\./, '');
  const toAdd: PageToAdd = {
    url,
    outlet: input.outlet?.trim() || page.outlet || host,
    title: input.title?.trim() || page.title || url,
    publishedAt: input.publishedAt?.trim() || page.publishedAt || null,
    text: page.text,
    ...(page.author ? { author: page.author } : {}),
  };
  return { page: toAdd, otherUrls };
}

/**
 * The second half: ingests the page's text with its byline, in one insert batch. A page stored twice (a queue message
 * delivered again) is found by its text: `duplicate`, nothing stored.
 */
export async function storeArticleToAdd(
  db: Db,
  page: PageToAdd,
  options: IngestOptions = {},
): Promise<UrlIngestResult> {
  const result = await ingestArticle(
    db,
    {
      outlet: page.outlet,
      title: page.title,
      url: page.url,
      publishedAt: page.publishedAt,
      author: page.author ?? null,
      text: page.text,
      format: 'text',
    },
    options,
  );
  return { ...result, url: page.url, author: page.author };
}
