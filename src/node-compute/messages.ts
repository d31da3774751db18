// What src/node-compute/pool.ts and its thread (thread.ts) send each other.
import type { CompareDocument } from '../services/compare';
import type { ExtractWorkOptions } from '../services/compute';
import type { IngestInput } from '../services/ingest-prepare';

export type Job = { id: number } & (
  | { kind: 'extract'; text: string; options: ExtractWorkOptions }
  | { kind: 'compare'; documents: CompareDocument[]; options: { explain?: boolean } }
  | { kind: 'prepare'; inputs: IngestInput[] }
);

/** A job's value, or its error by name and message (errors cross the thread as plain data). */
export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; name: string; message: string };
