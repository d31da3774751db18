// The queue's speed-ups keep its behaviour: the counters row stays equal to counting, whatever writes
// (ingest, review, resolve, delete, another connection); a cached page is never shown after a write;
// each response has its own nonce and its reader's own bits; the cached response's headers are
// security()'s; the index-ordered queue is the documented order.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsAndVersion } from '../../db/queries/counters';
import { listConflicts } from '../../db/queries/links';
import { startServer } from '../../src/node';
import { deleteArticle } from '../../src/services/delete-article';
import { ingestArticle } from '../../src/services/ingest';
import { assignConflict, markClaim, resolveConflict } from '../../src/services/review';
import { VersionedCache } from '../../src/services/versioned-cache';
import { createTestApp, HTMX, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let ed: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ed = await signedIn(t.db, 'editor', 'ed');
  // More conflicts with the seeds, so the queue has several rows to cache, order and resolve.
  for (let n = 3; n < 9; n++) await ingestArticle(t.db, extra(n));
});
afterAll(() => t.cleanup());

const one = async (sql: string) => Number((await t.client.execute(sql)).rows[0]![0]);

/** The totals counted the slow way, as the queue counted them before the counters row. */
async function counted() {
  return {
    articles: await one('select count(*) from articles'),
    claims: await one('select count(*) from claims'),
    openConflicts: await one(
      "select count(*) from links where relation in ('conflict', 'quote_differs') and status = 'open'",
    ),
    verifiedClaims: await one("select count(*) from claims where status = 'verified'"),
  };
}

async function expectCountersRight() {
  const { version: _, ...counters } = await countsAndVersion(t.db);
  expect(counters).toEqual(await counted());
}

// Conflicts with the seeds (57 countries vs some 50 partners).
const extra = (n: number) => ({
  outlet: `Wire ${n}`,
  title: `Contact group meets (${n})`,
  text: `Defense Secretary Lloyd Austin said the Ukraine Defense Contact Group, a coalition of ${40 + n} countries, met in Brussels on Tuesday. Edition ${n}.`,
});

const page = async (path = '/', headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  expect(res.status).toBe(200);
  return { res, html: await res.text() };
};

describe('counters row', () => {
  it('holds the totals after seeding, ingest, reviews, resolutions and deletes', async () => {
    await expectCountersRight();
    const created = await ingestArticle(t.db, extra(1));
    expect(created.status).toBe('created');
    await expectCountersRight();

    const claim = (await t.client.execute('select id, version from claims order by id limit 1')).rows[0]!;
    const actor = { login: 'ed', role: 'editor' as const };
    await markClaim(t.db, actor, {
      id: Number(claim.id),
      version: Number(claim.version),
      status: 'verified',
    });
    await expectCountersRight();
    expect((await countsAndVersion(t.db)).verifiedClaims).toBe(1);
    await markClaim(t.db, actor, {
      id: Number(claim.id),
      version: Number(claim.version) + 1,
      status: 'disputed',
    });
    await expectCountersRight();

    const link = (
      await t.client.execute(
        "select id, version from links where relation = 'conflict' and status = 'open' order by id limit 1",
      )
    ).rows[0]!;
    await resolveConflict(t.db, actor, {
      id: Number(link.id),
      version: Number(link.version),
      resolution: 'a_holds',
    });
    await expectCountersRight();

    if (created.status === 'created') await deleteArticle(t.db, created.articleId, 'ed');
    await expectCountersRight();
  });

  it('the migration fills it from the stored rows', async () => {
    const file = readFileSync(
      new URL('../../db/migrations/0003_queue_order_counters.sql', import.meta.url),
      'utf8',
    );
    const insert = file.split('--> statement-breakpoint').find((s) => s.includes('INSERT INTO `counters`'));
    expect(insert).toBeDefined();
    await t.client.execute('delete from counters');
    await t.client.execute(insert!.replace(/^\s*--.*$/gm, ''));
    await expectCountersRight();
  });
});

describe('cached queue pages', () => {
  it('are never stale: a write through the app shows on the next request', async () => {
    const before = visibleText((await page()).html);
    expect(before).toMatch(/fact #\d+ · \d+ pairs in disagreement/);
    const articles = (await countsAndVersion(t.db)).articles;
    expect(before).toContain(`${articles} articles`);
    await ingestArticle(t.db, extra(2));
    expect(visibleText((await page()).html)).toContain(`${articles + 1} articles`);
    // The new pair is the newest: its fact's row shows it first.
    expect(visibleText((await page('/?sort=newest')).html)).toContain('42 countries');
  });

  it('are never stale in the JSON twin either: its cached body follows every write and each reader', async () => {
    const json = async (headers: Record<string, string> = {}) => {
      const res = await t.app.request('/api/conflicts?sort=newest', { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      return (await res.json()) as {
        counts: { articles: number };
        items: { a: { text: string }; b: { text: string } }[];
        user: { login: string } | null;
        reviewers: { login: string }[];
      };
    };
    const first = await json();
    expect(await json()).toEqual(first); // from the cache: the same answer
    expect((await ingestArticle(t.db, extra(19))).status).toBe('created');
    const after = await json();
    expect(after.counts.articles).toBe(first.counts.articles + 1);
    expect(after.items.some((i) => `${i.a.text} ${i.b.text}`.includes('59 countries'))).toBe(true);
    // Each reader their own user and reviewers list, never another's from the cache.
    expect(after.user).toBeNull();
    const asEd = await json(ed.cookie);
    expect(asEd.user?.login).toBe('ed');
    expect(asEd.reviewers.map((r) => r.login)).toContain('ed');
    expect((await json()).user).toBeNull();
  });

  it('are never stale: a write from another connection (the CLI) shows on the next request', async () => {
    await page();
    await page('/?severity=high', HTMX);
    const file = String((await t.client.execute('PRAGMA database_list')).rows[0]!.file);
    const other = createClient({ url: `file:${file}` });
    try {
      await other.execute("insert into sources (name) values ('A brand new outlet')");
    } finally {
      other.close();
    }
    expect((await page()).html).toContain('A brand new outlet');
  });

  it('drop a resolved conflict from the open queue, in the page and in the htmx fragment', async () => {
    const top = (await listConflicts(t.db, { limit: 1 })).items[0]!;
    const row = `id="row-${top.id}"`;
    // Its row is under its fact's, read when that is unfolded; the fact's box in the queue selects it.
    const unfold = `/facts/${top.factId}/pairs`;
    const box = new RegExp(`[",]${top.id}:${top.version}[",]`);
    expect((await page(unfold, HTMX)).html).toContain(row);
    expect((await page('/', ed.cookie)).html).toMatch(box);
    expect((await page('/', { ...HTMX, ...ed.cookie })).html).toMatch(box);
    await resolveConflict(
      t.db,
      { login: 'ed', role: 'editor' },
      { id: top.id, version: top.version, resolution: 'dismissed' },
    );
    expect((await page(unfold, HTMX)).html).not.toContain(row);
    expect((await page('/', ed.cookie)).html).not.toMatch(new RegExp(`[",]${top.id}:`));
    expect((await page('/', { ...HTMX, ...ed.cookie })).html).not.toMatch(new RegExp(`[",]${top.id}:`));
  });

  it('draw a row anew when anything it shows changes (rows are cached by what they show)', async () => {
    const top = (await listConflicts(t.db, { limit: 1 })).items[0]!;
    const unfold = `/facts/${top.factId}/pairs`;
    const rowOf = (html: string) => html.slice(html.indexOf(`id="row-${top.id}"`)).split('</li>')[0]!;
    const before = rowOf((await page(unfold, { ...HTMX, ...ed.cookie })).html);
    expect(before).toContain(`value="${top.id}:${top.version}"`);
    expect(before).not.toContain('→ ed');
    await assignConflict(
      t.db,
      { login: 'ed', role: 'editor' },
      { id: top.id, version: top.version, assignee: 'ed' },
    );
    const assigned = rowOf((await page(unfold, { ...HTMX, ...ed.cookie })).html);
    expect(assigned).toContain('→ ed');
    expect(assigned).toContain(`value="${top.id}:${top.version + 1}"`);
    // An outlet renamed from another connection: the row and the fact's summary show the new name.
    const file = String((await t.client.execute('PRAGMA database_list')).rows[0]!.file);
    const other = createClient({ url: `file:${file}` });
    try {
      await other.execute({
        sql: "update sources set name = name || ' (renamed)' where name = ?",
        args: [top.a.outlet],
      });
    } finally {
      other.close();
    }
    expect(rowOf((await page(unfold, { ...HTMX, ...ed.cookie })).html)).toContain(
      `${top.a.outlet} (renamed)`,
    );
    expect(rowOf((await page(unfold, HTMX)).html)).toContain(`${top.a.outlet} (renamed)`);
    expect((await page('/', HTMX)).html).toContain(`${top.a.outlet} (renamed)`);
    // Signed out, the same row has no checkbox.
    expect(rowOf((await page(unfold, HTMX)).html)).not.toContain('row-select');
  });

  it('give every response its own nonce, the one its CSP names', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { res, html } = await page();
      const nonce = res.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]!;
      expect(html).toContain(`<script src="/static/htmx.min.js" nonce="${nonce}"`);
      expect(html).toContain(`<script src="/static/htmx-no-eval.js" nonce="${nonce}"`);
      expect(html.match(/nonce="([^"]+)"/g)!.every((n) => n === `nonce="${nonce}"`)).toBe(true);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it("show each reader their own name, role and choices, and nobody else's", async () => {
    const ana = await signedIn(t.db, 'reviewer', 'ana');
    const anonymous = (await page()).html;
    const asEd = (await page('/', ed.cookie)).html;
    const asAna = (await page('/', ana.cookie)).html;
    expect(anonymous).toContain('Sign in');
    expect(anonymous).not.toContain('row-select');
    expect(asEd).toContain('ed <span class="badge role">editor</span>');
    expect(asAna).toContain('ana <span class="badge role">reviewer</span>');
    expect(asAna).not.toContain('>ed <span');
    expect(asEd).toContain('row-select');
    // Again, from the cache: the same answers.
    expect((await page()).html).not.toContain('row-select');
    expect((await page('/', ana.cookie)).html).toContain('ana <span class="badge role">reviewer</span>');
    // A new reviewer is a new choice in the editor's assignee list (users are not in the data version).
    expect(asEd).not.toContain('>Cy</option>');
    await signedIn(t.db, 'reviewer', 'Cy');
    expect((await page('/', ed.cookie)).html).toContain('>Cy</option>');
  });

  it('answer with the same headers as every other page', async () => {
    const { res: cached } = await page();
    const { res: other } = await page('/articles');
    const headers = (res: Response) =>
      Object.fromEntries(
        [...res.headers]
          .filter(([k]) => k !== 'content-length')
          .map(([k, v]) => [k, v.replace(/'nonce-[^']+'/, 'N')]),
      );
    expect(headers(cached)).toEqual(headers(other));
  });

  it('still refuse invalid filters', async () => {
    expect((await t.app.request('/?status=bogus')).status).toBe(400);
    expect((await t.app.request('/?limit=1&limit=2')).status).toBe(400);
  });
});

describe('cached queue pages through the Node server', () => {
  it('reuse response buffers only after they were sent: every body carries its own nonce', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-queue-'));
    const server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'q.db')}`,
      firstAdmin: false,
    });
    try {
      const check = async () => {
        const res = await fetch(server.url);
        const nonce = res.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]!;
        const html = await res.text();
        // One nonce per script of the layout (htmx, no-eval, flash), all this response's.
        expect(html.match(/nonce="[^"]*"/g)).toEqual(Array(3).fill(`nonce="${nonce}"`));
        return { nonce, page: html.replaceAll(nonce, 'N') };
      };
      const first = await check();
      expect(first.page).toContain('57 countries');
      // Many at once (buffers in flight), then one after another (buffers reused).
      const seen = [first, ...(await Promise.all(Array.from({ length: 40 }, check)))];
      for (let i = 0; i < 20; i++) seen.push(await check());
      expect(new Set(seen.map((s) => s.nonce)).size).toBe(seen.length);
      expect(new Set(seen.map((s) => s.page)).size).toBe(1);

      // A client that sends many requests at once and reads nothing for a while: its responses wait
      // in the server (pipelined, then a full socket) while other clients' requests take buffers.
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((ok) => socket.once('connect', () => ok()));
      socket.pause();
      const N = 30;
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(N));
      await new Promise((ok) => setTimeout(ok, 300));
      for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: 4 }, check));
      const chunks: Buffer[] = [];
      socket.on('data', (d: Buffer) => chunks.push(d));
      socket.resume();
      const responses = await new Promise<{ nonce: string; body: string }[]>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('the pipelined responses did not all arrive')), 20_000);
        const parse = () => {
          const all = Buffer.concat(chunks);
          const out: { nonce: string; body: string }[] = [];
          let at = 0;
          while (out.length < N) {
            const end = all.indexOf('\r\n\r\n', at);
            if (end === -1) return;
            const head = all.subarray(at, end).toString('latin1');
            const length = Number(head.match(/content-length: (\d+)/i)?.[1]);
            if (all.length < end + 4 + length) return;
            out.push({
              nonce: head.match(/'nonce-([^']+)'/)![1]!,
              body: all.subarray(end + 4, end + 4 + length).toString('utf8'),
            });
            at = end + 4 + length;
          }
          clearTimeout(timer);
          ok(out);
        };
        socket.on('data', parse);
      });
      socket.destroy();
      for (const r of responses) {
        expect(r.body.match(/nonce="[^"]*"/g)).toEqual(Array(3).fill(`nonce="${r.nonce}"`));
        expect(r.body.replaceAll(r.nonce, 'N')).toBe(first.page);
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('queue order', () => {
  it('is most severe first, then highest score, then oldest: the index walk matches sorting', async () => {
    // Spread the stored links over severities and scores, all open again.
    await t.client.execute("update links set status = 'open'");
    await t.client.execute(
      "update links set severity = case id % 3 when 0 then 'low' when 1 then 'high' else 'medium' end, score = (id * 37 % 11) / 10.0",
    );
    const all = await t.client.execute(
      "select id, severity, score from links where relation in ('conflict', 'quote_differs') and status = 'open'",
    );
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    const expected = all.rows
      .map((r) => ({ id: Number(r.id), severity: String(r.severity), score: Number(r.score) }))
      .sort((x, y) => rank[x.severity]! - rank[y.severity]! || y.score - x.score || x.id - y.id)
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(2);
    const got = (await listConflicts(t.db, { limit: 200 })).items.map((l) => l.id);
    expect(got).toEqual(expected);
    const paged = [
      ...(await listConflicts(t.db, { limit: 2 })).items,
      ...(await listConflicts(t.db, { limit: 200, offset: 2 })).items,
    ].map((l) => l.id);
    expect(paged).toEqual(expected);
    const medium = (await listConflicts(t.db, { severity: 'medium', limit: 200 })).items;
    expect(medium.every((l) => l.severity === 'medium')).toBe(true);
    expect(medium.map((l) => l.id)).toEqual(
      expected.filter((id) => rank[all.rows.find((r) => Number(r.id) === id)!.severity as string] === 1),
    );
    const plan = await t.client.execute(
      "explain query plan select id from links where \"links\".\"relation\" in ('conflict', 'quote_differs') and status = 'open' order by severity_rank, score desc, id limit 50",
    );
    expect(plan.rows.map((r) => String(r.detail)).join(' ')).toMatch(
      /USING (COVERING )?INDEX links_queue_order/,
    );
    expect(plan.rows.map((r) => String(r.detail)).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('VersionedCache', () => {
  it('answers only for the version an entry was stored under, and never goes back to an older one', () => {
    const cache = new VersionedCache<string>(2);
    cache.set(1, 'a', 'one');
    expect(cache.get(1, 'a')).toBe('one');
    expect(cache.get(2, 'a')).toBeUndefined();
    cache.set(2, 'a', 'two');
    expect(cache.get(1, 'a')).toBeUndefined();
    cache.set(1, 'a', 'late');
    expect(cache.get(2, 'a')).toBe('two');
    cache.set(2, 'b', 'b');
    cache.set(2, 'c', 'c');
    expect(cache.get(2, 'a')).toBeUndefined();
    expect(cache.get(2, 'c')).toBe('c');
  });
});

describe('libSQL connections', () => {
  it('enforce foreign keys on every pooled connection, not only the first', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.client.execute('PRAGMA foreign_keys')),
    );
    expect(answers.map((r) => Number(r.rows[0]![0]))).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
