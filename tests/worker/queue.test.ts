// The Worker's queue consumer and cron sweep inside workerd: one article per message, acked once done;
// a message naming no article is dropped, a failure goes back to the queue; the sweep picks up an
// article whose message was lost.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import worker, { consumeCrossReferences, databaseFor } from '../../src/worker';
import { message } from './fake-message';

describe('queue consumer', () => {
  it('drops messages that name no article, and acks one for an article that is gone', async () => {
    const messages = [null, 'x', { articleId: -1 }, { articleId: 1.5 }, { articleId: 987_654 }].map((b) =>
      message(b),
    );
    await consumeCrossReferences({ messages }, { DB: env.DB });
    expect(messages.map((m) => [m.acked, m.retried])).toEqual(messages.map(() => [true, false]));
  });

  it('sends a message back to the queue when the database fails', async () => {
    const m = message({ articleId: 1 });
    const down = () => Promise.reject(new Error('D1 is unavailable'));
    const failingD1 = { prepare: () => ({ bind: () => ({ all: down, run: down, raw: down }) }), batch: down };
    await consumeCrossReferences({ messages: [m] }, { DB: failingD1 });
    expect([m.acked, m.retried]).toEqual([false, true]);
  });
});

describe('cron sweep', () => {
  it('cross-references an article left pending past the grace period', async () => {
    const d1 = env.DB as {
      prepare(sql: string): {
        bind(...args: unknown[]): { run(): Promise<unknown>; first(): Promise<unknown> };
      };
    };
    const lost = async () => {
      throw new Error('the message was lost');
    };
    const r = await ingestArticle(
      databaseFor({ DB: env.DB }),
      {
        outlet: 'Wire',
        title: 'Port',
        text: 'The port reopened on Tuesday. About 400 ships were waiting, officials said.',
      },
      { crossReferenceLater: lost },
    );
    if (r.status !== 'created') throw new Error('not stored');
    await d1
      .prepare('update articles set ingested_at = ingested_at - 3600000 where id = ?')
      .bind(r.articleId)
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled({ cron: '*/10 * * * *' }, { DB: env.DB }, ctx as never);
    await waitOnExecutionContext(ctx);
    const row = await d1
      .prepare('select crossref_pending as p from articles where id = ?')
      .bind(r.articleId)
      .first();
    expect(row).toEqual({ p: 0 });
  });
});
