// Node's extraction thread (src/node-compute/pool.ts, issue 19): what it answers is exactly what the
// request's own thread answers, a client's error stays a 422, and a saturated or stopped job is a 503
// with Retry-After that stores nothing. How long other requests wait meanwhile is measured, not tested:
// npm run measure:stall prints it (docs/performance.md "Stall bound").
import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../db/schema';
import { BUSY_RETRY_AFTER_SECONDS, type ThreadCompute, threadCompute } from '../../src/node-compute/pool';
import { type Compute, inThreadCompute } from '../../src/services/compute';
import { BusyError, InputError } from '../../src/services/errors';
import { MAX_CLAIMS_PER_DOCUMENT, MAX_FIGURES_PER_DOCUMENT } from '../../src/services/work-limits';
import { createTestApp, jsonPost, multipartPost, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

const seed = (file: string) => readFileSync(new URL(`../../seeds/${file}`, import.meta.url), 'utf8');
const fixture = (file: string) => readFileSync(new URL(`../fixtures/web/${file}`, import.meta.url), 'utf8');
const CNN = seed('cnn-austin-kyiv-visit.txt');
const DOD = seed('dod-ukraine-assistance-briefing.txt');
const HTML = fixture('harbour-jsonld.html');
const sentences = (n: number) =>
  Array.from({ length: n }, (_, i) => `Officials in Kyiv said ${i + 10} trucks arrived.`).join(' ');

/** Every input goes to the thread (inlineBelow 0), so the thread's answers are what is compared. */
let pool: ThreadCompute;
beforeAll(async () => {
  pool = threadCompute({ inlineBelow: 0 });
  await pool.ready();
}, 60_000);
afterAll(() => pool.close());

describe('the extraction thread answers as the request thread does', () => {
  it('extracts the same article from text and from HTML', async () => {
    for (const [text, html] of [
      [CNN, false],
      [DOD, false],
      [HTML, true],
      [sentences(300), false],
    ] as const) {
      expect(await pool.extract(text, { html, label: 'Text' })).toEqual(
        await inThreadCompute.extract(text, { html, label: 'Text' }),
      );
    }
  });

  it('compares the same documents to the same links, with and without the trail', async () => {
    const documents = [
      { id: 'cnn', source: 'CNN', text: CNN },
      { id: 'dod', source: 'DOD', text: DOD },
      { id: 'web', text: HTML, format: 'html' as const },
    ];
    for (const explain of [false, true]) {
      const there = await pool.compareJson(documents, { explain });
      expect(JSON.parse(there).links.length).toBeGreaterThan(0);
      expect(there).toBe(await inThreadCompute.compareJson(documents, { explain }));
    }
  });

  it('keeps a client error a client error: too many claims or figures is the same InputError', async () => {
    const text = sentences(MAX_CLAIMS_PER_DOCUMENT + 50);
    const here = await inThreadCompute.compareJson([{ id: 'a', text }], {}).catch((e: unknown) => e);
    const there = await pool.compareJson([{ id: 'a', text }], {}).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(InputError);
    expect(there).toBeInstanceOf(InputError);
    expect((there as Error).message).toBe((here as Error).message);
    const figures = '5% '.repeat(MAX_FIGURES_PER_DOCUMENT + 10);
    const options = { html: false, label: 'The article "Figures"' };
    const hereToo = await inThreadCompute.extract(figures, options).catch((e: unknown) => e);
    const thereToo = await pool.extract(figures, options).catch((e: unknown) => e);
    expect(hereToo).toBeInstanceOf(InputError);
    expect(thereToo).toBeInstanceOf(InputError);
    expect((thereToo as Error).message).toBe((hereToo as Error).message);
    expect((thereToo as Error).message).toMatch(
      /^The article "Figures" states [\d,]+ figures; at most 20,000/,
    );
  }, 60_000);
});

describe('a saturated or stopped thread', () => {
  it('refuses a job that would have to wait when no waiting is allowed, and serves the next', async () => {
    const strict = threadCompute({ inlineBelow: 0, maxQueued: 0 });
    try {
      await strict.ready();
      // One thread: of two jobs sent at once, the second has to wait, and may not.
      const [first, second] = await Promise.allSettled([
        strict.extract(CNN, { html: false, label: 'Text' }),
        strict.extract(DOD, { html: false, label: 'Text' }),
      ]);
      expect(first.status).toBe('fulfilled');
      expect(second.status).toBe('rejected');
      const err = (second as PromiseRejectedResult).reason;
      expect(err).toBeInstanceOf(BusyError);
      expect(err.retryAfterSeconds).toBe(BUSY_RETRY_AFTER_SECONDS);
      expect(strict.load()).toEqual({ running: 0, queued: 0 });
      expect(await strict.extract(DOD, { html: false, label: 'Text' })).toEqual(
        await inThreadCompute.extract(DOD, { html: false, label: 'Text' }),
      );
    } finally {
      await strict.close();
    }
  }, 60_000);

  it('stops a job that runs too long, replaces its thread, and the new thread serves', async () => {
    const hasty = threadCompute({ inlineBelow: 0, runTimeoutMs: 1 });
    try {
      await hasty.ready();
      const err = await hasty
        .extract(sentences(1500), { html: false, label: 'Text' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BusyError);
      expect((err as Error).message).toMatch(/took longer than/);
      await hasty.ready();
      expect(hasty.load()).toEqual({ running: 0, queued: 0 });
    } finally {
      await hasty.close();
    }
  }, 60_000);

  it('runs small inputs in the caller thread, without waiting for a thread', async () => {
    const small = threadCompute({ maxQueued: 0 });
    try {
      // Not waited for ready: the thread is still loading, yet an everyday article is answered.
      expect(await small.extract(CNN, { html: false, label: 'Text' })).toEqual(
        await inThreadCompute.extract(CNN, { html: false, label: 'Text' }),
      );
      const big = await small.extract(sentences(1500), { html: false, label: 'Text' }).catch((e: Error) => e);
      // Large: it must go to the thread, which is loading (refused) or free (served); never in-thread here.
      if (big instanceof Error) expect(big).toBeInstanceOf(BusyError);
      else expect(big.claims.length).toBe(1500);
    } finally {
      await small.close();
    }
  }, 60_000);
});

describe('routes over a saturated extraction', () => {
  const saturated: Compute = {
    extract: () => Promise.reject(new BusyError('The server is reading other large texts.', 5)),
    compareJson: () => Promise.reject(new BusyError('The server is reading other large texts.', 5)),
  };
  let t: TestApp;
  let ed: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ compute: saturated });
    ed = await signedIn(t.db, 'editor');
  });
  afterAll(() => t.cleanup());
  const stored = async () => (await t.db.select({ n: count() }).from(articles))[0]!.n;

  it('answers 503 with Retry-After and stores nothing, for the API, the form and the compare', async () => {
    const article = { outlet: 'Wire', title: 'Busy', text: CNN, format: 'text' };
    const api = await t.app.request('/api/articles', jsonPost(article, ed.bearer));
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    expect((await api.json()).error.message).toMatch(/other large texts/);
    const form = await t.app.request('/articles', multipartPost(article, ed.cookie));
    expect(form.status).toBe(503);
    expect(form.headers.get('retry-after')).toBe('5');
    const cmp = await t.app.request(
      '/api/compare',
      jsonPost(
        {
          documents: [
            { id: 'a', text: CNN },
            { id: 'b', text: DOD },
          ],
        },
        ed.bearer,
      ),
    );
    expect(cmp.status).toBe(503);
    expect(await stored()).toBe(0);
  });
});

describe('routes over the extraction thread', () => {
  it('answer POST /api/compare exactly as the request thread does', async () => {
    const threaded = await createTestApp({ compute: pool });
    const plain = await createTestApp();
    try {
      const body = {
        documents: [
          { id: 'cnn', text: CNN },
          { id: 'dod', text: DOD },
        ],
        explain: true,
      };
      const [a, b] = await Promise.all(
        [threaded, plain].map(async (t) => t.app.request('/api/compare', jsonPost(body))),
      );
      expect(a!.status).toBe(200);
      expect(await a!.json()).toEqual(await b!.json());
    } finally {
      threaded.cleanup();
      plain.cleanup();
    }
  });
});

describe('threads started when needed', () => {
  it('starts no thread until a large input comes, and ends it after a while without a job', async () => {
    const lazy = threadCompute({ inlineBelow: 0, idleMs: 300 });
    try {
      expect(lazy.started()).toBe(0);
      // The everyday path never starts one: inputs below inlineBelow stay here.
      const small = threadCompute({ idleMs: 300 });
      await small.extract(CNN, { html: false, label: 'Text' });
      expect(small.started()).toBe(0);
      await small.close();
      // The first large input waits for its thread to load, however long that takes, then is answered.
      expect(await lazy.extract(DOD, { html: false, label: 'Text' })).toEqual(
        await inThreadCompute.extract(DOD, { html: false, label: 'Text' }),
      );
      expect(lazy.started()).toBe(1);
      await expect.poll(() => lazy.started(), { timeout: 10_000, interval: 50 }).toBe(0);
      // And the next one starts it again.
      expect(await lazy.extract(CNN, { html: false, label: 'Text' })).toEqual(
        await inThreadCompute.extract(CNN, { html: false, label: 'Text' }),
      );
      expect(lazy.load()).toEqual({ running: 0, queued: 0 });
    } finally {
      await lazy.close();
    }
    expect(lazy.started()).toBe(0);
  }, 60_000);

  it('with no waiting allowed, still lets the first job wait for its thread to load', async () => {
    const strict = threadCompute({ inlineBelow: 0, maxQueued: 0 });
    try {
      const [first, second] = await Promise.allSettled([
        strict.extract(CNN, { html: false, label: 'Text' }),
        strict.extract(DOD, { html: false, label: 'Text' }),
      ]);
      expect(first.status).toBe('fulfilled');
      expect((second as PromiseRejectedResult).reason).toBeInstanceOf(BusyError);
    } finally {
      await strict.close();
    }
  }, 60_000);
});
