import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../db/schema';
import { createTestApp, jsonPost, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.cleanup());

const seed = (file: string) => readFileSync(resolve(__dirname, '../../seeds', file), 'utf8');

describe('POST /api/compare', () => {
  it('answers the documented contract and stores nothing', async () => {
    const res = await t.app.request(
      '/api/compare',
      jsonPost({
        documents: [
          { id: 'a', source: 'CNN', text: seed('cnn-austin-kyiv-visit.txt') },
          { id: 'b', source: 'DOD', text: seed('dod-ukraine-assistance-briefing.txt') },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const raw = await res.text();
    expect(raw).not.toContain('Infinity');
    const body = JSON.parse(raw);
    expect(body.claims.length).toBeGreaterThan(0);
    for (const c of body.claims) {
      expect(c).toMatchObject({
        id: expect.stringMatching(/^[ab]:\d+$/),
        document: expect.stringMatching(/^[ab]$/),
        text: expect.any(String),
        start: expect.any(Number),
        end: expect.any(Number),
        quantities: expect.any(Array),
      });
      for (const q of c.quantities) {
        expect(q).toMatchObject({
          text: expect.any(String),
          low: expect.any(Number),
          unit: expect.any(String),
        });
        expect(q.high === null || typeof q.high === 'number').toBe(true);
      }
    }
    const ids = new Set(body.claims.map((c: { id: string }) => c.id));
    expect(body.links.length).toBeGreaterThan(0);
    for (const l of body.links) {
      expect(['conflict', 'corroboration', 'different_scope', 'quote_differs']).toContain(l.relation);
      expect(ids.has(l.a) && ids.has(l.b)).toBe(true);
      expect(l).toMatchObject({
        severity: expect.any(String),
        score: expect.any(Number),
        explanation: expect.any(Object),
      });
    }
    expect(body.links.some((l: { relation: string }) => l.relation === 'conflict')).toBe(true);
    expect((await t.db.select({ n: count() }).from(articles).get())!.n).toBe(0);
  });

  const doc = (id: string) => ({ id, text: `Report ${id}: 10 trucks arrived.` });
  it.each([
    ['one document', { documents: [doc('a')] }, /at least 2/],
    ['21 documents', { documents: Array.from({ length: 21 }, (_, i) => doc(`d${i}`)) }, /at most 20/],
    ['duplicate ids', { documents: [doc('a'), doc('a')] }, /unique/],
    ['an empty text', { documents: [doc('a'), { id: 'b', text: '' }] }, /empty|Paste/],
    ['no documents key', { docs: [] }, /documents/],
  ])('rejects %s with 422 and a clear message', async (_what, body, message) => {
    const res = await t.app.request('/api/compare', jsonPost(body));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(message);
  });

  it('accepts exactly 20 documents', async () => {
    const res = await t.app.request(
      '/api/compare',
      jsonPost({ documents: Array.from({ length: 20 }, (_, i) => doc(`d${i}`)) }),
    );
    expect(res.status).toBe(200);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await t.app.request('/api/compare', {
      method: 'POST',
      body: 'a',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(415);
  });
});
