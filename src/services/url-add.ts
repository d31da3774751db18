// Use case: one article added by URL from the form or `POST /api/articles {url}`. The page is read in
// the request (so a refused URL, a 404 or a PDF is answered at once). Where the entry stores pages
// later (the Worker's FEEDS queue: `storePageLater`), the request records a one-item import, taken,
// sends the page on and answers with that import, whose progress says when the article is stored and
// which it is; the store (extraction, claims, the insert) is then a queue invocation of its own, as for
// a feed item or a bulk import's. Elsewhere (Node, the CLI, tests) the page is stored in the request.
import type { Db } from '../../db/client';
import { insertStartedImport } from '../../db/queries/imports';
import type { WebReader } from '../web/reader';
import { storeImportPage } from './imports';
import type { IngestOptions } from './ingest';
import {
  type PageToAdd,
  readArticleToAdd,
  readPageToAdd,
  storeArticleToAdd,
  UrlAlreadyStoredError,
  type UrlIngestResult,
  type UrlInput,
} from './web-articles';

/** The import item a read page belongs to: what the store records its outcome on. */
export interface PageItem {
  jobId: number;
  position: number;
  target: string;
}

/**
 * Sends a read page to be stored in another invocation (the Worker: an `import-page` FEEDS message).
 * False when it could not (the page too large for a message, the send failed): then it is stored here.
 */
export type StorePageLater = (item: PageItem, page: PageToAdd) => Promise<boolean>;

/** The page was read and is being stored: `importId`'s progress says when, and as which article. */
export interface UrlAddQueued {
  status: 'queued';
  importId: number;
  url: string;
  title: string;
  outlet: string;
}

export type UrlAddResult = UrlIngestResult | UrlAddQueued;

/** Adds one article by URL: stored in the request, or (with `later`) read here and stored from the queue. */
export async function addByUrl(
  db: Db,
  reader: WebReader | undefined,
  input: UrlInput,
  opts: { ingest?: IngestOptions; later?: StorePageLater; actor?: string | null } = {},
): Promise<UrlAddResult> {
  if (!opts.later) return storeArticleToAdd(db, await readArticleToAdd(db, reader, input), opts.ingest ?? {});
  // The URL given, the page's final and canonical URLs refused if stored, and the add recorded, in one
  // round trip after the page is read (a stored URL's page is fetched again: a round trip fewer for
  // every add, which is what keeps this request within the Free plan's 10 ms of CPU).
  const { page, otherUrls } = await readPageToAdd(db, reader, input, { refuseFirst: false });
  const target = input.url.trim();
  const started = await insertStartedImport(
    db,
    { kind: 'url', label: `1 URL: ${page.title}`.slice(0, 300), createdBy: opts.actor ?? null },
    target,
    Date.now(),
    otherUrls,
  );
  if ('stored' in started) {
    const { url, id, title } = started.stored;
    throw new UrlAlreadyStoredError(url, id, title);
  }
  const { item } = started;
  // Not sent: stored here (over the CPU budget, but correct), and the import says so all the same.
  if (!(await opts.later(item, page))) await storeImportPage({ db, ingest: opts.ingest }, item, page);
  return { status: 'queued', importId: item.jobId, url: page.url, title: page.title, outlet: page.outlet };
}
