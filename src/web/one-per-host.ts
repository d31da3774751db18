// One request at a time per host: a reader whose fetches wait for the previous one to the same host
// (feed polls, their items, "Poll now" and "add by URL" alike, within this process).
import type { WebReader } from './reader';

export function onePerHost(reader: WebReader): WebReader {
  const tails = new Map<string, Promise<unknown>>();
  const queued = <T>(url: string, run: () => Promise<T>): Promise<T> => {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return run(); // the reader refuses it with the reason
    }
    const previous = tails.get(host) ?? Promise.resolve();
    const mine = previous.then(run, run);
    const tail = mine.catch(() => {});
    tails.set(host, tail);
    void tail.then(() => {
      if (tails.get(host) === tail) tails.delete(host);
    });
    return mine;
  };
  return {
    policy: reader.policy,
    readArticle: (url) => queued(url, () => reader.readArticle(url)),
    readFeed: (url, validators) => queued(url, () => reader.readFeed(url, validators)),
  };
}
