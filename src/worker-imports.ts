// Bulk imports on Workers: the request that starts one stores it and sends one FEEDS queue message per
// item; the FEEDS consumer (src/worker-feeds.ts) does that item, one per invocation, so each stays within
// the CPU budget and, with the queue's max_concurrency = 1, one request at a time. An article by URL takes
// two invocations: the page read (`import`), then stored (`import-page`, the page in the message).
import type { Db } from '../db/client';
import { type ImportLater, startImportItem, storeImportPage } from './services/imports';
import type { IngestOptions } from './services/ingest';
import type { StorePageLater } from './services/url-add';
import type { PageToAdd } from './services/web-articles';
import type { WebReader } from './web/reader';
import { fitsInMessage, sendOrDoHere } from './worker-pages';

export type ImportMessage =
  | { kind: 'import'; jobId: number; position: number }
  | { kind: 'import-page'; jobId: number; position: number; target: string; page: PageToAdd };

interface ImportQueue {
  sendBatch(messages: { body: ImportMessage }[]): Promise<unknown>;
}

const SEND_BATCH = 100;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

export function importLaterFor(queue: ImportQueue | undefined): ImportLater | undefined {
  if (!queue) return undefined;
  return async (jobId, positions) => {
    for (let i = 0; i < positions.length; i += SEND_BATCH)
      await queue.sendBatch(
        positions.slice(i, i + SEND_BATCH).map((position) => ({ body: { kind: 'import', jobId, position } })),
      );
  };
}

/**
 * Add by URL's store, later: the page the request read goes on as an `import-page` message, which the
 * FEEDS consumer stores as it stores a bulk import's page. False (stored in the request) when the page
 * is too large for a message or the send fails.
 */
export function storePageLaterFor(queue: ImportQueue | undefined): StorePageLater | undefined {
  if (!queue) return undefined;
  return async (item, page) => {
    const body: ImportMessage = { kind: 'import-page', ...item, page };
    if (!fitsInMessage(body)) return false;
    try {
      await queue.sendBatch([{ body }]);
      return true;
    } catch (err) {
      console.error('crosscheck: sending a read page on failed; storing it in the request', err);
      return false;
    }
  };
}

export const isImportMessage = (body: unknown): body is ImportMessage => {
  const b = body as
    | (Partial<Omit<Extract<ImportMessage, { kind: 'import-page' }>, 'kind'>> & { kind?: string })
    | null;
  if (!isId(b?.jobId) || !isId(b?.position)) return false;
  if (b?.kind === 'import') return true;
  return b?.kind === 'import-page' && typeof b.target === 'string' && isPage(b.page);
};

/** A page as readArticleToAdd gives it (a message from this Worker; checked all the same). */
export const isPage = (p: unknown): p is PageToAdd => {
  const page = p as Partial<PageToAdd> | null;
  return (
    !!page &&
    ['url', 'outlet', 'title', 'text'].every((k) => typeof page[k as keyof PageToAdd] === 'string') &&
    (page.publishedAt === null || typeof page.publishedAt === 'string') &&
    (page.author === undefined || typeof page.author === 'string')
  );
};

/**
 * One item of an import: its first half (done unless someone did it already; its own failure recorded,
 * not thrown), and an article by URL's page sent on to be stored in the next invocation.
 */
export async function consumeImportMessage(
  body: ImportMessage,
  db: Db,
  reader: WebReader,
  ingest: IngestOptions,
  queue: ImportQueue | undefined,
): Promise<void> {
  const run = { db, reader, ingest };
  const { jobId, position } = body;
  if (body.kind === 'import-page') {
    await storeImportPage(run, { jobId, position, target: body.target }, body.page);
    return;
  }
  const started = await startImportItem(run, jobId, position);
  if (!started || 'done' in started) return;
  const { item, page } = started;
  await sendOrDoHere(queue, { kind: 'import-page', jobId, position, target: item.target, page }, () =>
    storeImportPage(run, item, page),
  );
}
