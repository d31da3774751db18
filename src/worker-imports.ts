// Bulk imports on Workers: the request that starts one stores it and sends one FEEDS queue message per
// item; the FEEDS consumer (src/worker-feeds.ts) does that item (runImportItem), one per invocation, so
// each stays within the CPU budget and, with the queue's max_concurrency = 1, one request at a time.
import type { Db } from '../db/client';
import { type ImportLater, runImportItem } from './services/imports';
import type { IngestOptions } from './services/ingest';
import type { WebReader } from './web/reader';

export type ImportMessage = { kind: 'import'; jobId: number; position: number };

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

export const isImportMessage = (body: unknown): body is ImportMessage =>
  (body as Partial<ImportMessage> | null)?.kind === 'import' &&
  isId((body as ImportMessage).jobId) &&
  isId((body as ImportMessage).position);

/** One item of an import: done unless someone did it already; its own failure is recorded, not thrown. */
export async function consumeImportMessage(
  body: ImportMessage,
  db: Db,
  reader: WebReader,
  ingest: IngestOptions,
): Promise<void> {
  await runImportItem({ db, reader, ingest }, body.jobId, body.position);
}
