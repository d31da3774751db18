// Two reviewers acting on one conflict at exactly the same moment: both requests read the same
// version and pass the early check, and only then write — held at a barrier in front of the database
// batch until both have arrived, so the race the version guard exists for really happens (without
// the barrier the second request usually just reads the new version and never reaches the guard).
// Exactly one lands, the other is a 409 naming the winner, and the log holds one entry.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { listConflicts } from '../../db/queries/links';
import { claims, links, reviews } from '../../db/schema';
import { createApp } from '../../src/app';
import { createTestApp, formPost, HTMX, jsonPost, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

/** The database, with batch() held until `parties` callers are waiting in it (or 5 s passed). */
function withBarrier(db: Db, parties: number) {
  const real = (db as unknown as { batch: (items: unknown[]) => Promise<unknown[]> }).batch.bind(db);
  let waiting: (() => void)[] = [];
  const stats = { arrived: 0 };
  const release = () => {
    for (const go of waiting) go();
    waiting = [];
  };
  const proxy = new Proxy(db as object, {
    get(target, prop) {
      if (prop === 'batch') {
        return async (items: unknown[]) => {
          stats.arrived++;
          await new Promise<void>((go) => {
            waiting.push(go);
            if (waiting.length >= parties) release();
            else setTimeout(release, 5000);
          });
          return real(items);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Db;
  return { db: proxy, stats };
}

let t: TestApp;
let ana: SignedIn;
let bo: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ana = await signedIn(t.db, 'reviewer', 'ana');
  bo = await signedIn(t.db, 'reviewer', 'bo');
});
afterAll(() => t.cleanup());

const log = (type: 'claim' | 'link', id: number) =>
  t.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.targetType, type), eq(reviews.targetId, id)))
    .orderBy(reviews.id);

describe('two reviewers on the same conflict at the same moment', () => {
  it('a form and an API call, both past the version check: one 200, one 409 naming the winner, one log row', async () => {
    const race = withBarrier(t.db, 2);
    const app = createApp({ db: race.db });
    const l = (await listConflicts(t.db, { status: 'open' })).items[0]!;
    const [ra, rb] = await Promise.all([
      app.request(
        `/conflicts/${l.id}/resolve`,
        formPost(
          { resolution: 'a_holds', version: String(l.version), note: 'ana: DOD says 50' },
          { ...ana.cookie, ...HTMX },
        ),
      ),
      app.request(
        `/api/conflicts/${l.id}/resolve`,
        jsonPost({ resolution: 'b_holds', version: l.version, note: 'bo: CNN says 57' }, bo.bearer),
      ),
    ]);
    // Both reached the write: the guard, not the early read, decided.
    expect(race.stats.arrived).toBe(2);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);

    const rows = await log('link', l.id);
    expect(rows).toHaveLength(1);
    const winner = rows[0]!;
    const after = (await t.db.select().from(links).where(eq(links.id, l.id)).get())!;
    expect(after).toMatchObject({ status: winner.toStatus, version: l.version + 1 });
    expect(winner.note).toBe(winner.reviewer === 'ana' ? 'ana: DOD says 50' : 'bo: CNN says 57');

    // The loser is told who won and what the conflict is now, and (on the page) keeps the note typed.
    if (ra.status === 409) {
      const html = await ra.text();
      expect(visibleText(html)).toContain('changed this conflict meanwhile by bo');
      // Named as the buttons name it, not as the stored code ("b_holds").
      expect(visibleText(html)).toMatch(/\(resolve: B holds, [^)]+\); it is now "B holds"/);
      expect(html).toContain('>ana: DOD says 50</textarea>');
      expect(html).toContain(`name="version" value="${l.version + 1}"`);
    } else {
      const body = await rb.json();
      expect(body.error.status).toBe(409);
      expect(body.error.message).toMatch(/\(resolve: A holds, [^)]+\); it is now "A holds"/);
      expect(body.error.current).toMatchObject({
        status: 'a_holds',
        version: l.version + 1,
        changedBy: { login: 'ana' },
      });
    }
  });

  it('the same for claims, ten rounds: never two verdicts, never a lost or doubled log row', async () => {
    const race = withBarrier(t.db, 2);
    const app = createApp({ db: race.db });
    const claim = (await t.db.select().from(claims).orderBy(claims.id).limit(1).offset(3))[0]!;
    const ed = await signedIn(t.db, 'editor');
    let version = claim.version;
    for (let round = 0; round < 10; round++) {
      race.stats.arrived = 0;
      const [ra, rb] = await Promise.all([
        app.request(
          `/api/claims/${claim.id}/status`,
          jsonPost({ status: 'verified', version, note: `ana ${round}` }, ana.bearer),
        ),
        app.request(
          `/api/claims/${claim.id}/status`,
          jsonPost({ status: 'false', version, note: `bo ${round}` }, bo.bearer),
        ),
      ]);
      expect(race.stats.arrived).toBe(2);
      expect([ra.status, rb.status].sort()).toEqual([200, 409]);
      version++;
      // An editor puts it back (one more row), so the next round starts from unreviewed.
      const back = await t.app.request(
        `/api/claims/${claim.id}/status`,
        jsonPost({ status: 'unreviewed', version }, ed.bearer),
      );
      expect(back.status).toBe(200);
      version++;
    }
    const rows = await log('claim', claim.id);
    expect(rows).toHaveLength(20);
    const row = (await t.db.select().from(claims).where(eq(claims.id, claim.id)).get())!;
    expect(row.version).toBe(claim.version + 20);
  });
});
