// The hand-over between the two invocations of adding by URL on Workers (src/worker-pages.ts): a page
// goes on as one queue message, unless it is too large for one or the send fails: then it is stored in
// the invocation that read it.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, sendOrDoHere } from '../../src/worker-pages';

function queue(fail = false) {
  const sent: unknown[] = [];
  return {
    sent,
    async sendBatch(messages: { body: unknown }[]) {
      if (fail) throw new Error('queue down');
      sent.push(...messages.map((m) => m.body));
    },
  };
}

describe('sendOrDoHere', () => {
  it('sends a page that fits in a message, and does nothing here', async () => {
    const q = queue();
    let here = 0;
    await sendOrDoHere(q, { page: 'a'.repeat(1000) }, async () => here++);
    expect([q.sent.length, here]).toEqual([1, 0]);
  });

  it('stores here a page too large for a message (counted in UTF-8 bytes), or when the send fails', async () => {
    const q = queue();
    let here = 0;
    // Under the limit in characters, over it in bytes.
    await sendOrDoHere(q, { page: 'é'.repeat(MAX_MESSAGE_BYTES / 2 + 10) }, async () => here++);
    expect([q.sent.length, here]).toEqual([0, 1]);
    await sendOrDoHere(queue(true), { page: 'short' }, async () => here++);
    await sendOrDoHere(undefined, { page: 'short' }, async () => here++);
    expect(here).toBe(3);
  });
});
