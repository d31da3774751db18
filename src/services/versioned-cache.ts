// A small cache whose entries are valid for one data version only (db/queries/counters.ts): the
// version every committed write to the queue's tables bumps, read from the database on each request.
// An entry stored under version v answers only requests that read v, so nothing a write changed
// is ever served from it; the first request after a write finds a new version and drops them all.

export class VersionedCache<T> {
  #version = Number.NaN;
  readonly #entries = new Map<string, T>();

  constructor(readonly maxEntries = 64) {}

  get(version: number, key: string): T | undefined {
    return version === this.#version ? this.#entries.get(key) : undefined;
  }

  /**
   * Stores `value` for `version`. A newer version drops every older entry; a value computed for an
   * older version than the one held (a slow request overtaken by a write) is not stored at all.
   */
  set(version: number, key: string, value: T): void {
    if (version !== this.#version) {
      if (version < this.#version) return;
      this.#entries.clear();
      this.#version = version;
    }
    if (!this.#entries.has(key) && this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, value);
  }

  delete(version: number, key: string, value: T): void {
    if (version === this.#version && this.#entries.get(key) === value) this.#entries.delete(key);
  }
}

const waiting = new WeakMap<object, Promise<number>>();
const later: ((fn: () => void) => unknown) | undefined = (
  globalThis as { setImmediate?: (fn: () => void) => unknown }
).setImmediate;

/**
 * Reads the data version with `read`, shared by the requests that ask in the same turn of the event
 * loop: the read is made once they have all arrived (after Node's I/O callbacks, in setImmediate),
 * so it sees every write committed before any of them came in. A request never joins a read that
 * has already started. Without setImmediate (other runtimes), every call reads.
 */
export function sharedVersionRead(owner: object, read: () => Promise<number>): Promise<number> {
  if (!later) return read();
  let next = waiting.get(owner);
  if (!next) {
    next = new Promise<number>((resolve, reject) => {
      later(() => {
        waiting.delete(owner);
        read().then(resolve, reject);
      });
    });
    waiting.set(owner, next);
  }
  return next;
}
