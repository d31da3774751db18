// The compare page: paste texts, see their facts on number lines and where they differ, nothing
// stored; bad input gets a clear 4xx with what was typed kept.

import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, links } from '../../db/schema';
import { createTestApp, formPost, type TestApp, visibleText } from '../helpers/app';

const seed = (file: string) => readFileSync(new URL(`../../seeds/${file}`, import.meta.url), 'utf8');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.cleanup());

const stored = async () => ({
  articles: (await t.db.select({ n: count() }).from(articles).get())!.n,
  links: (await t.db.select({ n: count() }).from(links).get())!.n,
});

describe('/compare', () => {
  it('offers three boxes, more on request (up to 20), and is in the nav', async () => {
    const html = await (await t.app.request('/compare')).text();
    expect(html.match(/<textarea name="text_\d+"/g)?.length).toBe(3);
    expect(html).toContain('href="/compare?boxes=5"');
    expect(html).toContain('<a href="/compare" aria-current="page"');
    const many = await (await t.app.request('/compare?boxes=99')).text();
    expect(many.match(/<textarea name="text_\d+"/g)?.length).toBe(20);
    expect(many).not.toContain('More boxes');
  });

  it('shows the seeds’ facts on number lines and the 57 vs some 50 difference, storing nothing', async () => {
    const before = await stored();
    const res = await t.app.request(
      '/compare',
      formPost({
        source_1: 'CNN',
        text_1: seed('cnn-austin-kyiv-visit.txt'),
        source_2: 'DOD',
        text_2: seed('dod-ukraine-assistance-briefing.txt'),
        // A second fact, so that the page draws two number lines.
        source_3: 'Harbour Times',
        text_3:
          'The Freeport of Riga handled 12 million tonnes of cargo in 2023, the port authority said on Monday.',
        source_4: 'Baltic Wire',
        text_4:
          'The Freeport of Riga handled 19 million tonnes of cargo in 2023, the port authority said on Monday.',
      }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toMatch(/4 texts, \d+ claims/);
    expect(text).toMatch(/How many countries\?/);
    expect(html).toContain('<svg class="number-line"');
    // Several lines on one page keep their ids apart: no id on the page twice.
    expect(html.match(/<svg class="number-line"/g)?.length).toBeGreaterThanOrEqual(2);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(text).toMatch(/Where they differ/);
    expect(text).toMatch(/CNN ?: “[^”]*57 countries[^”]*” vs DOD ?: “[^”]*some 50/);
    // Austin's "about 50 countries", quoted by CNN, is his: not "CNN vs CNN".
    expect(text).toMatch(/CNN ?: “[^”]*57 countries[^”]*” vs Austin, quoted by CNN ?: /);
    expect(text).not.toMatch(/CNN ?: “[^”]*57 countries[^”]*” vs CNN ?: /);
    expect(text).toMatch(/Austin, quoted by CNN about 50 countries/);
    // What was pasted stays in the form.
    expect(html).toContain('value="CNN"');
    expect(html).not.toMatch(/ style=/);
    expect(await stored()).toEqual(before);
  });

  it('answers one text with a 422 saying two are needed, keeping what was typed', async () => {
    const res = await t.app.request(
      '/compare',
      formPost({ source_1: 'Solo', text_1: 'Some 40 people came.' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(visibleText(html)).toMatch(/Nothing was compared: Send at least 2 documents/);
    expect(html).toContain('Some 40 people came.');
  });

  it('refuses a cross-site post and a raw body', async () => {
    const foreign = await t.app.request('/compare', {
      method: 'POST',
      body: new URLSearchParams({ text_1: 'a 1', text_2: 'b 2' }),
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const raw = await t.app.request('/compare', {
      method: 'POST',
      body: 'hello',
      headers: { Origin: 'http://localhost', 'Content-Type': 'text/plain' },
    });
    expect(raw.status).toBe(415);
  });
});
