// Node's feed scheduler: every minute, the due feeds are polled and their new items added, feeds of
// different hosts side by side, one request at a time per host (the reader is onePerHost's). Started
// by `npm start` unless FEED_POLLING=off; Workers use a Cron Trigger and a queue instead (src/worker.ts).
import type { Db } from '../../db/client';
import type { WebReader } from '../web/reader';
import { feedsDue, ingestFeedItem, pollFeed } from './feeds';
import type { IngestOptions } from './ingest';
import { everyRound } from './rounds';

export interface FeedScheduler {
  /** One round: every due feed polled, every new item added. Resolves when all are done. */
  runOnce(now?: number): Promise<{ polled: number; newItems: number; errors: number }>;
  stop(): Promise<void>;
}

export function feedScheduler(
  db: Db,
  reader: WebReader,
  opts: { everyMs?: number; log?: (line: string) => void; ingest?: IngestOptions; start?: boolean } = {},
): FeedScheduler {
  const log = opts.log ?? (() => {});

  async function round(now = Date.now()) {
    const due = await feedsDue(db, now);
    const byHost = new Map<string, typeof due>();
    for (const f of due) {
      const host = new URL(f.url).host;
      byHost.set(host, [...(byHost.get(host) ?? []), f]);
    }
    const totals = { polled: 0, newItems: 0, errors: 0 };
    await Promise.all(
      [...byHost.values()].map(async (feeds) => {
        for (const feed of feeds) {
          const r = await pollFeed(db, reader, feed.id, { now });
          if (r.status === 'skipped') continue;
          totals.polled++;
          if (r.status === 'error') {
            totals.errors++;
            log(`feed ${feed.id} ${feed.url}: ${r.error}`);
          }
          if (r.status !== 'ok') continue;
          totals.newItems += r.newItems.length;
          for (const item of r.newItems) {
            const done = await ingestFeedItem(db, reader, feed.id, item.url, opts.ingest).catch(
              (err: unknown) => ({
                status: 'failed' as const,
                error: err instanceof Error ? err.message : String(err),
              }),
            );
            if (done.status === 'failed') log(`feed ${feed.id} item ${item.url}: ${done.error}`);
          }
        }
      }),
    );
    if (totals.polled > 0)
      log(`feeds: polled ${totals.polled}, ${totals.newItems} new items, ${totals.errors} failed polls`);
    return totals;
  }

  return everyRound(round, {
    name: 'feeds',
    everyMs: opts.everyMs ?? 60_000,
    start: opts.start,
    log,
  });
}
