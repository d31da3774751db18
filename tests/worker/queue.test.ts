// The Worker's queue consumer inside workerd: one article per message, acked once done; a message
// naming no article is dropped, a failure goes back to the queue.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { consumeCrossReferences } from '../../src/worker';

function message(body: unknown) {
  const m = {
    body,
    attempts: 1,
    acked: false,
    retried: false,
    ack() {
      m.acked = true;
    },
    retry() {
      m.retried = true;
    },
  };
  return m;
}

describe('queue consumer', () => {
  it('drops messages that name no article, and acks one for an article that is gone', async () => {
    const messages = [null, 'x', { articleId: -1 }, { articleId: 1.5 }, { articleId: 987_654 }].map(message);
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
