// The reviewer's journey through the Worker, shared by the D1 and the remote-libSQL tests:
// ingest the seeds over HTTP, find 57 vs "some 50" in the dashboard and the JSON API, review a claim.
import { expect, it } from 'vitest';
import cnn from '../../seeds/cnn-austin-kyiv-visit.txt?raw';
import dod from '../../seeds/dod-ukraine-assistance-briefing.txt?raw';
import manifest from '../../seeds/manifest.json';

export const ORIGIN = 'http://crosscheck.test';
const TEXTS: Record<string, string> = {
  'cnn-austin-kyiv-visit.txt': cnn,
  'dod-ukraine-assistance-briefing.txt': dod,
};

export type Fetch = (request: Request) => Promise<Response>;

interface QueueItem {
  id: number;
  relation: string;
  a: { id: number; text: string; outlet: string };
  b: { id: number; text: string; outlet: string };
}

const isTheConflict = (l: QueueItem) => {
  const texts = `${l.a.text} ${l.b.text}`;
  return texts.includes('57 countries') && texts.includes('some 50 partners');
};

const json = (path: string, body: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });

/** Registers the journey's tests; `send` is how a request reaches the Worker under test. */
export function journey(send: Fetch): void {
  const get = (path: string, headers: Record<string, string> = {}) =>
    send(new Request(`${ORIGIN}${path}`, { headers }));
  let conflict: QueueItem;

  it('ingests the seed articles through POST /api/articles, once', async () => {
    expect(manifest.map((m) => m.file).sort()).toEqual(Object.keys(TEXTS).sort());
    for (const entry of manifest) {
      const res = await send(
        json('/api/articles', { outlet: entry.outlet, title: entry.title, text: TEXTS[entry.file] }),
      );
      const body = (await res.json()) as { status: string; claims: number };
      expect(res.status, JSON.stringify(body)).toBe(201);
      expect(body).toMatchObject({ status: 'created' });
      expect(body.claims).toBeGreaterThan(5);
    }
    const again = await send(json('/api/articles', { outlet: 'CNN', title: 'again', text: cnn }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
  });

  it('lists the 57-vs-50 conflict in the JSON API', async () => {
    const res = await get('/api/conflicts?limit=200');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: QueueItem[]; counts: Record<string, number> };
    const found = body.items.find(isTheConflict);
    expect(found, body.items.map((l) => `${l.a.text} | ${l.b.text}`).join('\n')).toBeDefined();
    conflict = found!;
    expect(conflict.relation).toBe('conflict');
    expect([conflict.a.outlet, conflict.b.outlet].sort()).toEqual([
      'CNN',
      'U.S. Department of Defense (DOD News)',
    ]);
  });

  it('shows it on the dashboard and side by side, numbers marked', async () => {
    const queue = await get('/');
    expect(queue.status).toBe(200);
    expect(queue.headers.get('content-security-policy')).toContain("script-src 'nonce-");
    const html = await queue.text();
    expect(html).toContain(`href="/conflicts/${conflict.id}"`);
    expect(html).toContain('57 countries');
    expect(html).toContain('some 50 partners');
    expect(html).toContain('src="/static/htmx.min.js"');

    const page = await get(`/conflicts/${conflict.id}`);
    expect(page.status).toBe(200);
    const side = await page.text();
    expect(side).toMatch(/<mark>[^<]*57[^<]*<\/mark>/);
    expect(side).toMatch(/<mark>[^<]*50[^<]*<\/mark>/);

    const api = await get(`/api/conflicts/${conflict.id}`);
    expect(((await api.json()) as { link: { id: number } }).link.id).toBe(conflict.id);
  });

  it('marks a claim verified (JSON and htmx form) and reads it back', async () => {
    const claimId = conflict.a.id;
    const before = (await (await get(`/api/claims/${claimId}`)).json()) as {
      claim: { status: string; version: number };
    };
    expect(before.claim.status).toBe('unreviewed');

    const marked = await send(
      json(`/api/claims/${claimId}/status`, {
        status: 'disputed',
        version: before.claim.version,
        reviewer: 'Workers test',
      }),
    );
    expect(marked.status, await marked.clone().text()).toBe(200);

    // The dashboard's own form, as htmx posts it: the answer is the badge fragment.
    const form = await send(
      new Request(`${ORIGIN}/claims/${claimId}/status`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
        body: new URLSearchParams({
          status: 'verified',
          version: String(before.claim.version + 1),
          name: 'Ana',
        }),
      }),
    );
    expect(form.status).toBe(200);
    expect(await form.text()).toMatch(/id="claim-badge-\d+"[^>]*>Verified<|class="badge status-verified"/);

    const after = (await (await get(`/api/claims/${claimId}`)).json()) as {
      claim: { status: string; version: number };
    };
    expect(after.claim).toMatchObject({ status: 'verified', version: before.claim.version + 2 });
  });

  it('refuses a cross-site form post', async () => {
    const res = await send(
      new Request(`${ORIGIN}/claims/${conflict.a.id}/status`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
        body: new URLSearchParams({ status: 'false', version: '1', name: 'x' }),
      }),
    );
    expect(res.status).toBe(403);
  });
}
