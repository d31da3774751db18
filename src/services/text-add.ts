// Use case: one article added with its text, from the form or `POST /api/articles`. Where the entry
// extracts later (the Worker: `storeTextLater`, the CROSSREF queue's `extract` stage), the request only
// checks the input, records a one-item import holding it (taken: running) and sends the item on, then
// answers with that import, whose progress says when the article is stored and which it is. Extracting
// the claims and storing them is the first queue invocation (storeImportText), the links and upkeep
// stages follow as for any stored article: no invocation does both the request and the extraction, so
// each fits the Free plan's 10 ms of CPU. Elsewhere (Node, the CLI, tests) it is stored in the request.
import type { Db } from '../../db/client';
import {
  type ImportOutcome,
  importItemPayload,
  importOutcomeStatements,
  insertStartedImport,
  recordImportItem,
} from '../../db/queries/imports';
import { InputError } from './errors';
import { type ImportRunner, outcomeOf, textInput } from './imports';
import { type DeferredIngestResult, type IngestInput, type IngestOptions, ingestArticle } from './ingest';
import { cleanInput } from './ingest-prepare';

/** The import item holding an article's text until the queue stores it. */
export interface TextItem {
  jobId: number;
  position: number;
}

/** Sends a text item to be extracted and stored in another invocation; false when it could not. */
export type StoreTextLater = (item: TextItem) => Promise<boolean>;

/** The text was received and is being read: `importId`'s progress says when it is stored, and as which article. */
export interface TextAddQueued {
  status: 'queued';
  importId: number;
  title: string;
  outlet: string;
  url: string | null;
}

/** The import kind of an article given with its text and stored from the queue. */
export const TEXT_KIND = 'text';

/**
 * Adds one article given with its text: stored in the request, or (with `later`) recorded here and
 * extracted and stored from the queue. What can be refused without extracting is refused here, as the
 * ingest would: an outlet or title with no visible character. A text that turns out empty once its
 * markup is removed (known only once extracted) fails the item, with the ingest's reason.
 */
export async function addText(
  db: Db,
  input: IngestInput,
  opts: { ingest?: IngestOptions; later?: StoreTextLater; actor?: string | null } = {},
): Promise<DeferredIngestResult | TextAddQueued> {
  const ingest = opts.ingest ?? {};
  if (!opts.later) return ingestArticle(db, input, ingest);
  const clean = cleanInput(input);
  if (!clean.outlet || !clean.title)
    throw new InputError('The outlet and the title need visible characters.');
  const { outlet, title, url = null, publishedAt, text, format } = input;
  const payload = JSON.stringify({ outlet, title, url: url ?? undefined, publishedAt, text, format });
  const started = await insertStartedImport(
    db,
    { kind: TEXT_KIND, label: `1 article: ${clean.title}`.slice(0, 300), createdBy: opts.actor ?? null },
    url ?? clean.title,
    Date.now(),
    [],
    payload,
  );
  if (!('item' in started)) throw new Error('a text import refuses no URL');
  const { jobId, position } = started.item;
  // Not sent: stored here (over the CPU budget, but correct), and the import says so all the same.
  if (!(await opts.later({ jobId, position }))) await storeImportText({ db, ingest }, jobId, position);
  return { status: 'queued', importId: jobId, title: clean.title, outlet: clean.outlet, url };
}

/**
 * The queue's half: the item's article extracted and stored, with the item's outcome in the same batch
 * (or, a duplicate or a text with nothing to store, recorded after). An item no longer running (a
 * repeated delivery) is left as it is. An input the ingest refuses fails the item with the reason;
 * anything else (the database unreachable) is thrown, for the queue to retry; an item still running
 * long after is sent again by the Worker's cron (recoverStaleImports), then failed.
 */
export async function storeImportText(run: ImportRunner, jobId: number, position: number): Promise<void> {
  const item = await importItemPayload(run.db, jobId, position);
  if (item?.status !== 'running' || item.payload === null) return;
  const input = textInput(TEXT_KIND, JSON.parse(item.payload));
  const now = Date.now();
  let outcome: ImportOutcome;
  try {
    if (!input) throw new InputError('The item holds no article text.');
    const r = await ingestArticle(run.db, input, {
      ...run.ingest,
      alongside: (key) => importOutcomeStatements(jobId, position, { status: 'stored' }, now, undefined, key),
    });
    if (r.status === 'created') return;
    outcome = outcomeOf(r);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    outcome = { status: 'failed', reason: err.message };
  }
  await recordImportItem(run.db, jobId, position, outcome, now);
}
