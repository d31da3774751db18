import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, links, reviews } from '../../db/schema';
import { loadSeeds } from '../../seeds/load';
import { NotFoundError, StaleVersionError } from '../../src/services/errors';
import { markClaim, resolveConflict } from '../../src/services/review';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await loadSeeds(t.db);
});
afterAll(() => t.cleanup());

const claimReviews = (id: number) =>
  t.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.targetType, 'claim'), eq(reviews.targetId, id)));

describe('review service', () => {
  it('marks a claim, bumps its version and appends one audit row with the previous status', async () => {
    const [c] = await t.db.select().from(claims).limit(1);
    const done = await markClaim(t.db, {
      id: c!.id,
      version: c!.version,
      status: 'verified',
      reviewer: 'Ana',
      note: 'checked',
    });
    expect(done).toEqual({ id: c!.id, status: 'verified', version: c!.version + 1 });
    const log = await claimReviews(c!.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      reviewer: 'Ana',
      fromStatus: 'unreviewed',
      toStatus: 'verified',
      note: 'checked',
    });
  });

  it('refuses a stale version: nothing changes and nothing is logged', async () => {
    const [c] = await t.db.select().from(claims).where(eq(claims.status, 'verified')).limit(1);
    const before = await claimReviews(c!.id);
    const err = await markClaim(t.db, {
      id: c!.id,
      version: c!.version - 1,
      status: 'false',
      reviewer: 'Bo',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(StaleVersionError);
    expect((err as StaleVersionError).current).toEqual({ status: 'verified', version: c!.version });
    const after = await t.db.select().from(claims).where(eq(claims.id, c!.id)).get();
    expect(after).toMatchObject({ status: 'verified', version: c!.version });
    expect(await claimReviews(c!.id)).toHaveLength(before.length);
  });

  it('reports a missing claim as not found', async () => {
    await expect(
      markClaim(t.db, { id: 999_999, version: 1, status: 'verified', reviewer: 'Ana' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('resolves a conflict and logs it', async () => {
    const [l] = await t.db.select().from(links).limit(1);
    const done = await resolveConflict(t.db, {
      id: l!.id,
      version: l!.version,
      status: 'a_holds',
      reviewer: 'Ana',
    });
    expect(done.status).toBe('a_holds');
    const log = await t.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.targetType, 'link'), eq(reviews.targetId, l!.id)));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'resolve_a_holds', fromStatus: 'open', toStatus: 'a_holds' });
  });
});
