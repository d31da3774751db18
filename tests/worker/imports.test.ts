// Bulk imports on Workers, inside workerd over D1: starting one sends a FEEDS message per item, and the
// Worker's feed consumer does each item (the fetch pointed at a stub); a failing item is recorded with
// its reason while the others are stored, and a message delivered twice does its item once.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { urlList } from '../../src/services/import-sources';
import { createImport, importProgress } from '../../src/services/imports';
import type { Hop, Transport } from '../../src/web/fetch-page';
import { webReader } from '../../src/web/reader';
import { rewriterExtract } from '../../src/web/rewriter-extract';
import { databaseFor } from '../../src/worker';
import { consumeFeedMessages } from '../../src/worker-feeds';
import { type ImportMessage, importLaterFor } from '../../src/worker-imports';
import harbour from '../fixtures/web/harbour-jsonld.html?raw';
import wire from '../fixtures/web/wire-graph.html?raw';

const pages: Record<string, string> = {
  'https://imports.example/storm': harbour,
  'https://imports.example/strike': wire,
};
const stub: Transport = async (url) => {
  const body = pages[url.href];
  const bytes = new TextEncoder().encode(body ?? 'not here');
  return {
    status: body ? 200 : 404,
    headers: new Headers({ 'content-type': body ? 'text/html' : 'text/plain' }),
    body: (async function* () {
      yield bytes;
    })(),
    cancel() {},
  } satisfies Hop;
};
const message = (body: unknown) => {
  const m = {
    body,
    acked: false,
    ack() {
      m.acked = true;
    },
    retry() {},
  };
  return m;
};

describe('bulk imports on Workers', () => {
  it('one FEEDS message per item; each done once, a failure recorded beside the stored ones', async () => {
    const db = databaseFor({ DB: env.DB });
    const job = await createImport(
      db,
      urlList(['storm', 'gone', 'strike'].map((p) => `https://imports.example/${p}`).join('\n')),
    );
    const sent: ImportMessage[] = [];
    const queue = {
      async sendBatch(messages: { body: ImportMessage }[]) {
        sent.push(...messages.map((m) => m.body));
      },
    };
    await importLaterFor(queue)!(job.id, [1, 2, 3]);
    expect(sent).toEqual([1, 2, 3].map((position) => ({ kind: 'import', jobId: job.id, position })));
    const reader = webReader({ transport: stub, extract: rewriterExtract });
    const messages = [...sent, sent[0]].map(message);
    await consumeFeedMessages(messages, db, reader, undefined, {});
    expect(messages.every((m) => m.acked)).toBe(true);
    const p = await importProgress(db, job.id);
    expect(p).toMatchObject({ done: 3, finished: true, counts: { stored: 2, failed: 1, pending: 0 } });
    expect(p.failures).toEqual([
      { position: 2, target: 'https://imports.example/gone', reason: expect.stringMatching(/HTTP 404/) },
    ]);
  });
});
