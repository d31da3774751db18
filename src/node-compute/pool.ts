// Node only (src/node.ts injects it; the Worker never imports it): extraction and the stateless compare
// of large inputs run in a worker thread, so that one heavy request does not stall the others on the
// event loop (issue 19; the bound and its figures are docs/performance.md "Stall bound"). Small inputs,
// the everyday article, run in the caller's thread: a thread hop costs more than their extraction.
// A small pool (one thread by default) with a bounded queue: a job that finds the queue full, waits too
// long for a thread, or runs too long (its thread is then replaced) answers 503 with Retry-After, before
// anything is stored.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompareDocument } from '../services/compare';
import { type Compute, inThreadCompute } from '../services/compute';
import { BusyError, InputError } from '../services/errors';
import type { Prepared } from '../services/ingest-prepare';
import type { Job, Reply } from './messages';

export interface ThreadComputeOptions {
  /** Worker threads (default 1: the host has other requests to serve, and the database, on its cores). */
  threads?: number;
  /** Inputs of fewer characters than this run in the caller's thread (default 16,384). */
  inlineBelow?: number;
  /** Jobs that may wait for a busy thread; the next one answers 503 (default 8; 0: none waits). */
  maxQueued?: number;
  /** A job that has waited this long for a thread answers 503 (default 10 s). */
  queueTimeoutMs?: number;
  /**
   * A job that has run this long is stopped, its thread replaced, and answers 503 (default 60 s: a
   * maximal compare of twenty overlapping documents took 21 s of CPU, and longer on a loaded host).
   */
  runTimeoutMs?: number;
  /** Heap limit of each thread: a runaway job ends its thread, not the server (default 1,024 MB). */
  maxHeapMb?: number;
}

export interface ThreadCompute extends Compute {
  /** Jobs running and waiting now. */
  load(): { running: number; queued: number };
  /** Resolves once every thread has loaded and can take a job. */
  ready(): Promise<void>;
  /** Stops the threads; jobs not finished fail. */
  close(): Promise<void>;
}

export const DEFAULT_INLINE_BELOW = 16 * 1024;
/** What a 503 asks the client to wait: about one maximal compare on this kind of host. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

interface Pending {
  job: Job;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  waitTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  runTimer?: NodeJS.Timeout;
  lastError?: Error;
}

/**
 * How a thread loads thread.ts. Under tsx (npm start, the tools) the TypeScript file is imported through
 * tsx's API, which a worker thread on Node 20 does not inherit from its parent; compiled, directly.
 */
function bootCode(): string {
  const thread = new URL(import.meta.url.endsWith('.ts') ? './thread.ts' : './thread.js', import.meta.url)
    .href;
  if (!thread.endsWith('.ts')) return `import(${JSON.stringify(thread)});`;
  return `import(${JSON.stringify(tsxApi())}).then((m) => m.tsImport(${JSON.stringify(thread)}, ${JSON.stringify(import.meta.url)}));`;
}

/** tsx's ESM API module, read from its package.json (its CommonJS twin cannot load from an eval'd thread). */
function tsxApi(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
}

function rebuild(reply: Extract<Reply, { ok: false }>): Error {
  // An InputError is the client's (too many claims): its 422 must read the same as in-thread.
  if (reply.name === 'InputError') return new InputError(reply.message);
  return new Error(`extraction thread: ${reply.name}: ${reply.message}`);
}

const sizeOf = (documents: CompareDocument[]) => documents.reduce((n, d) => n + d.text.length, 0);

export function threadCompute(options: ThreadComputeOptions = {}): ThreadCompute {
  const threads = Math.max(1, options.threads ?? 1);
  const inlineBelow = options.inlineBelow ?? DEFAULT_INLINE_BELOW;
  const maxQueued = options.maxQueued ?? 8;
  const queueTimeoutMs = options.queueTimeoutMs ?? 10_000;
  const runTimeoutMs = options.runTimeoutMs ?? 60_000;
  const boot = bootCode();
  const queue: Pending[] = [];
  const onReady: (() => void)[] = [];
  let nextId = 1;
  let closed = false;

  const busy = (message: string) => new BusyError(message, BUSY_RETRY_AFTER_SECONDS);

  function spawn(): Slot {
    const worker = new Worker(boot, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, current: null };
    worker.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) {
        slot.ready = true;
        dispatch();
        if (slots.every((s) => s.ready)) for (const f of onReady.splice(0)) f();
        return;
      }
      const p = slot.current;
      if (!p || p.job.id !== m.id) return;
      clearTimeout(slot.runTimer);
      slot.current = null;
      if (m.ok) p.resolve(m.value);
      else p.reject(rebuild(m));
      dispatch();
    });
    worker.on('error', (err) => {
      slot.lastError = err;
    });
    worker.on('exit', (code) => {
      clearTimeout(slot.runTimer);
      const p = slot.current;
      slot.current = null;
      p?.reject(slot.lastError ?? new Error(`extraction thread exited with code ${code}`));
      if (slot.lastError) console.error('crosscheck: the extraction thread failed', slot.lastError);
      if (closed) return;
      slots[slots.indexOf(slot)] = spawn();
    });
    return slot;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.current || queue.length === 0) continue;
      const p = queue.shift()!;
      clearTimeout(p.waitTimer);
      slot.current = p;
      slot.runTimer = setTimeout(() => {
        if (slot.current !== p) return;
        slot.current = null;
        slot.ready = false;
        p.reject(
          busy(
            `The text took longer than ${runTimeoutMs / 1000} s to read and was stopped. Try again later, or send less.`,
          ),
        );
        void slot.worker.terminate();
      }, runTimeoutMs);
      slot.worker.postMessage(p.job);
    }
  }

  const saturated = () => busy('The server is reading other large texts; try again in a few seconds.');

  function run<T>(job: Job): Promise<T> {
    if (closed) return Promise.reject(new Error('the extraction threads are closed'));
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { job, resolve: resolve as (v: unknown) => void, reject };
      queue.push(p);
      dispatch();
      // Still waiting: a free thread would have taken it. Beyond maxQueued waiting, refused now.
      if (queue.length > maxQueued) {
        queue.splice(queue.indexOf(p), 1);
        reject(saturated());
        return;
      }
      if (queue.includes(p))
        p.waitTimer = setTimeout(() => {
          const at = queue.indexOf(p);
          if (at < 0) return;
          queue.splice(at, 1);
          reject(saturated());
        }, queueTimeoutMs);
    });
  }

  const slots: Slot[] = Array.from({ length: threads }, spawn);

  return {
    extract: (text, opts) =>
      text.length < inlineBelow
        ? inThreadCompute.extract(text, opts)
        : run({ id: nextId++, kind: 'extract', text, options: opts }),
    // The bulk path's batches (ingest-batches.ts), whatever their size: split over the threads.
    prepareEach: async (inputs) => {
      const per = Math.ceil(inputs.length / threads);
      const parts = [];
      for (let i = 0; i < inputs.length; i += per)
        parts.push(run<Prepared[]>({ id: nextId++, kind: 'prepare', inputs: inputs.slice(i, i + per) }));
      return (await Promise.all(parts)).flat();
    },
    compareJson: (documents, opts) =>
      sizeOf(documents) < inlineBelow
        ? inThreadCompute.compareJson(documents, opts)
        : run({ id: nextId++, kind: 'compare', documents, options: opts }),
    ready: () =>
      slots.every((s) => s.ready) ? Promise.resolve() : new Promise<void>((ok) => onReady.push(ok)),
    load: () => ({ running: slots.filter((s) => s.current).length, queued: queue.length }),
    close: async () => {
      closed = true;
      for (const p of queue.splice(0)) {
        clearTimeout(p.waitTimer);
        p.reject(new Error('the extraction threads are closed'));
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
