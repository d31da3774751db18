// Node only (src/node.ts injects it; the Worker never imports it): extraction and the stateless compare
// of large inputs run in a worker thread, so that one heavy request does not stall the others on the
// event loop (issue 19; the bound and its figures are docs/performance.md "Stall bound"). Small inputs,
// the everyday article, run in the caller's thread: a thread hop costs more than their extraction.
// A small pool (one thread by default) with a bounded queue: a job that finds the queue full, waits too
// long for a thread, or runs too long (its thread is then replaced) answers 503 with Retry-After, before
// anything is stored. Threads start when a job first needs one and end after idleMs without a job, so
// a server that reads no large text keeps no thread's memory (issue 20: RSS).
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
  /**
   * A thread with no job for this long ends, and the next job that needs one starts it again (default
   * 30 s). A thread is started by the first job that needs it: a server that reads no large text and
   * runs no import keeps none (each costs ~40 MB of memory, its own V8 heap and modules).
   */
  idleMs?: number;
}

export interface ThreadCompute extends Compute {
  /** Jobs running and waiting now. */
  load(): { running: number; queued: number };
  /** Threads started (loading or loaded) now. */
  started(): number;
  /** Starts every thread that is not running, and resolves once each has loaded and can take a job. */
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
  /** Null until a job needs the thread, and again once it has been idle for idleMs (or has died). */
  worker: Worker | null;
  ready: boolean;
  current: Pending | null;
  runTimer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
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
  const idleMs = options.idleMs ?? 30_000;
  const boot = bootCode();
  const queue: Pending[] = [];
  const onReady: (() => void)[] = [];
  let nextId = 1;
  let closed = false;

  const busy = (message: string) => new BusyError(message, BUSY_RETRY_AFTER_SECONDS);
  const slots: Slot[] = Array.from({ length: threads }, () => ({
    worker: null,
    ready: false,
    current: null,
  }));
  const loading = () => slots.filter((s) => s.worker && !s.ready).length;

  function start(slot: Slot): void {
    const worker = new Worker(boot, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
    });
    worker.unref();
    let loaded = false;
    Object.assign(slot, { worker, ready: false, current: null, lastError: undefined });
    worker.on('message', (m: Reply | { ready: true }) => {
      if (slot.worker !== worker) return;
      if ('ready' in m) {
        loaded = true;
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
      if (slot.worker === worker) slot.lastError = err;
    });
    worker.on('exit', (code) => {
      // A thread ended on purpose (idle, overrun, close) was let go of first.
      if (slot.worker !== worker) return;
      clearTimeout(slot.runTimer);
      clearTimeout(slot.idleTimer);
      const p = slot.current;
      const err = slot.lastError ?? new Error(`extraction thread exited with code ${code}`);
      Object.assign(slot, { worker: null, ready: false, current: null });
      p?.reject(err);
      console.error('crosscheck: the extraction thread failed', err);
      if (closed) return;
      // One that never loaded would fail again for the jobs waiting for it: they fail now.
      if (!loaded) for (const q of queue.splice(0)) fail(q, err);
      dispatch();
    });
  }

  function fail(p: Pending, err: Error): void {
    clearTimeout(p.waitTimer);
    p.reject(err);
  }

  /** Lets go of a thread (its exit is then expected), e.g. after idleMs without a job. */
  function stop(slot: Slot): void {
    const worker = slot.worker;
    clearTimeout(slot.idleTimer);
    clearTimeout(slot.runTimer);
    Object.assign(slot, { worker: null, ready: false, current: null });
    if (worker) void worker.terminate();
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.current || queue.length === 0) continue;
      const p = queue.shift()!;
      clearTimeout(p.waitTimer);
      clearTimeout(slot.idleTimer);
      slot.current = p;
      slot.runTimer = setTimeout(() => {
        if (slot.current !== p) return;
        p.reject(
          busy(
            `The text took longer than ${runTimeoutMs / 1000} s to read and was stopped. Try again later, or send less.`,
          ),
        );
        stop(slot);
        dispatch();
      }, runTimeoutMs);
      slot.worker!.postMessage(p.job);
    }
    // Jobs still waiting start the threads that are not running, one each.
    let waiting = queue.length - loading();
    for (const slot of slots)
      if (!slot.worker && waiting > 0 && !closed) {
        start(slot);
        waiting--;
      }
    for (const slot of slots)
      if (slot.worker && slot.ready && !slot.current && Number.isFinite(idleMs)) {
        clearTimeout(slot.idleTimer);
        slot.idleTimer = setTimeout(() => {
          if (!slot.current) stop(slot);
        }, idleMs);
        slot.idleTimer.unref();
      }
  }

  const saturated = () => busy('The server is reading other large texts; try again in a few seconds.');

  function run<T>(job: Job): Promise<T> {
    if (closed) return Promise.reject(new Error('the extraction threads are closed'));
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { job, resolve: resolve as (v: unknown) => void, reject };
      queue.push(p);
      dispatch();
      // Still waiting: a free thread would have taken it; the first few wait for threads still loading.
      // Beyond maxQueued waiting for busy threads, refused now.
      const behind = queue.indexOf(p) + 1 - loading();
      if (behind > maxQueued) {
        queue.splice(queue.indexOf(p), 1);
        reject(saturated());
        return;
      }
      if (behind > 0)
        p.waitTimer = setTimeout(() => {
          const at = queue.indexOf(p);
          if (at < 0) return;
          queue.splice(at, 1);
          reject(saturated());
        }, queueTimeoutMs);
    });
  }

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
    ready: () => {
      if (closed) return Promise.reject(new Error('the extraction threads are closed'));
      for (const slot of slots) if (!slot.worker) start(slot);
      return slots.every((s) => s.ready) ? Promise.resolve() : new Promise<void>((ok) => onReady.push(ok));
    },
    load: () => ({ running: slots.filter((s) => s.current).length, queued: queue.length }),
    started: () => slots.filter((s) => s.worker).length,
    close: async () => {
      closed = true;
      for (const p of queue.splice(0)) fail(p, new Error('the extraction threads are closed'));
      const workers = slots.flatMap((s) => (s.worker ? [s.worker] : []));
      for (const slot of slots) {
        slot.current?.reject(new Error('the extraction threads are closed'));
        stop(slot);
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
