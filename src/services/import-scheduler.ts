// Node's runner of bulk imports: each import started by a request runs in the background, in order
// (runImportInBatches; the reader is onePerHost's, so one request at a time per host); imports a stopped
// server left unfinished are taken up again at start. Workers send each item as a queue message instead.
import type { Db } from '../../db/client';
import type { WebReader } from '../web/reader';
import { runImportInBatches } from './import-runner';
import { type ImportLater, unfinishedImports } from './imports';
import type { IngestOptions } from './ingest';

export interface ImportScheduler {
  later: ImportLater;
  /** Runs the imports a stopped runner left unfinished; resolves once they are started. */
  resume(): Promise<number>;
  /** Stops after the items being done now; the rest stay pending for the next start. */
  stop(): Promise<void>;
}

export function importScheduler(
  db: Db,
  reader: WebReader,
  opts: { ingest?: IngestOptions; log?: (line: string) => void } = {},
): ImportScheduler {
  const log = opts.log ?? (() => {});
  const running = new Set<Promise<void>>();
  let stopping = false;
  const run = (jobId: number) => {
    const p = runImportInBatches({ db, reader, ingest: opts.ingest }, jobId, undefined, () => stopping)
      .catch((err: unknown) => log(`import ${jobId}: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => running.delete(p));
    running.add(p);
  };
  return {
    later: async (jobId) => run(jobId),
    async resume() {
      const jobs = await unfinishedImports(db);
      for (const id of jobs) run(id);
      return jobs.length;
    },
    async stop() {
      stopping = true;
      await Promise.all([...running]);
    },
  };
}
