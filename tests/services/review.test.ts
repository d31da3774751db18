import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, links, reviews } from '../../db/schema';
import { loadSeeds } from '../../seeds/load';
import { ForbiddenError, InputError, NotFoundError, StaleVersionError } from '../../src/services/errors';
import {
  type Actor,
  assignConflict,
  decideProposal,
  markClaim,
  resolveConflict,
} from '../../src/services/review';
import { signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let ana: Actor;
let bo: Actor;
let ed: Actor;
beforeAll(async () => {
  t = await createTestDb();
  await loadSeeds(t.db);
  ana = (await signedIn(t.db, 'reviewer', 'ana')).user;
  bo = (await signedIn(t.db, 'reviewer', 'bo')).user;
  ed = (await signedIn(t.db, 'editor', 'ed')).user;
});
afterAll(() => t.cleanup());

const log = (type: 'claim' | 'link', id: number) =>
  t.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.targetType, type), eq(reviews.targetId, id)))
    .orderBy(reviews.id);
const claimRow = (id: number) => t.db.select().from(claims).where(eq(claims.id, id)).get();
const linkRow = (id: number) => t.db.select().from(links).where(eq(links.id, id)).get();
const claimAt = async (n: number) =>
  (await t.db.select().from(claims).orderBy(claims.id).limit(1).offset(n))[0]!;

describe('review service', () => {
  it('marks a claim, bumps its version and appends one audit row with note and evidence', async () => {
    const c = await claimAt(0);
    const done = await markClaim(t.db, ana, {
      id: c.id,
      version: c.version,
      status: 'verified',
      note: 'checked',
      evidence: ['https://example.org/a'],
    });
    expect(done).toMatchObject({ id: c.id, status: 'verified', version: c.version + 1, outcome: 'changed' });
    const rows = await log('claim', c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reviewer: 'ana',
      action: 'mark_verified',
      fromStatus: 'unreviewed',
      toStatus: 'verified',
      note: 'checked',
      evidence: ['https://example.org/a'],
    });
  });

  it('refuses a stale version with the current state and who changed it; nothing is logged', async () => {
    const c = await claimAt(0);
    const before = await log('claim', c.id);
    const err = await markClaim(t.db, ana, { id: c.id, version: c.version - 1, status: 'false' }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(StaleVersionError);
    const current = (err as StaleVersionError).current;
    expect(current).toMatchObject({ status: 'verified', version: c.version });
    expect(current.changedBy).toMatchObject({ login: 'ana', displayName: 'ana', action: 'mark_verified' });
    expect((err as Error).message).toMatch(/by ana/);
    expect(await claimRow(c.id)).toEqual(c);
    expect(await log('claim', c.id)).toHaveLength(before.length);
  });

  it('lets only an editor override a verdict someone else gave, or reopen', async () => {
    const c = await claimAt(0);
    const err = await markClaim(t.db, bo, { id: c.id, version: c.version, status: 'false' }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toMatch(/Only an editor can override.*ana/);
    // The reviewer who gave the verdict may change their own.
    const own = await markClaim(t.db, ana, { id: c.id, version: c.version, status: 'disputed' });
    expect(own.status).toBe('disputed');
    const back = await markClaim(t.db, ana, { id: c.id, version: own.version, status: 'unreviewed' }).catch(
      (e) => e,
    );
    expect(back).toBeInstanceOf(ForbiddenError);
    const overridden = await markClaim(t.db, ed, { id: c.id, version: own.version, status: 'false' });
    expect(overridden).toMatchObject({ status: 'false' });
    const reopened = await markClaim(t.db, ed, {
      id: c.id,
      version: overridden.version,
      status: 'unreviewed',
    });
    expect(reopened).toMatchObject({ status: 'unreviewed' });
    expect((await log('claim', c.id)).map((r) => r.action)).toEqual([
      'mark_verified',
      'mark_disputed',
      'mark_false',
      'reopen',
    ]);
  });

  it('reports a missing claim as not found', async () => {
    await expect(
      markClaim(t.db, ana, { id: 999_999, version: 1, status: 'verified' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('resolves a conflict and logs it; reopening needs an editor', async () => {
    const [l] = await t.db.select().from(links).limit(1);
    const done = await resolveConflict(t.db, ana, { id: l!.id, version: l!.version, resolution: 'a_holds' });
    expect(done.status).toBe('a_holds');
    const again = await resolveConflict(t.db, ana, {
      id: l!.id,
      version: done.version,
      resolution: 'open',
    }).catch((e) => e);
    expect(again).toBeInstanceOf(ForbiddenError);
    expect((again as Error).message).toMatch(/Only an editor can reopen/);
    const reopened = await resolveConflict(t.db, ed, {
      id: l!.id,
      version: done.version,
      resolution: 'open',
    });
    expect(reopened.status).toBe('open');
    const rows = await log('link', l!.id);
    expect(rows.map((r) => [r.action, r.fromStatus, r.toStatus])).toEqual([
      ['resolve_a_holds', 'open', 'a_holds'],
      ['reopen', 'a_holds', 'open'],
    ]);
  });

  it('second-reviewer rule: propose, the proposer cannot approve, another reviewer approves', async () => {
    const c = await claimAt(1);
    const opts = { secondReviewer: true };
    const proposed = await markClaim(t.db, ana, { id: c.id, version: c.version, status: 'false' }, opts);
    expect(proposed).toMatchObject({
      status: 'unreviewed',
      proposedStatus: 'false',
      proposedBy: 'ana',
      outcome: 'proposed',
    });
    expect((await claimRow(c.id))!).toMatchObject({
      status: 'unreviewed',
      proposedStatus: 'false',
      proposedBy: 'ana',
    });
    const self = await decideProposal(t.db, ana, 'claim', {
      id: c.id,
      version: proposed.version,
      decision: 'approve',
    }).catch((e) => e);
    expect(self).toBeInstanceOf(ForbiddenError);
    const approved = await decideProposal(t.db, bo, 'claim', {
      id: c.id,
      version: proposed.version,
      decision: 'approve',
      note: 'agreed',
    });
    expect(approved).toMatchObject({ status: 'false', proposedStatus: null, outcome: 'approved' });
    expect((await claimRow(c.id))!).toMatchObject({
      status: 'false',
      proposedStatus: null,
      proposedBy: null,
    });
    const nothing = await decideProposal(t.db, bo, 'claim', {
      id: c.id,
      version: approved.version,
      decision: 'approve',
    }).catch((e) => e);
    expect(nothing).toBeInstanceOf(InputError);
    expect((await log('claim', c.id)).map((r) => [r.reviewer, r.action, r.fromStatus, r.toStatus])).toEqual([
      ['ana', 'propose_false', 'unreviewed', 'false'],
      ['bo', 'approve_false', 'unreviewed', 'false'],
    ]);
  });

  it('second-reviewer rule: a rejection clears the proposal and is logged', async () => {
    const c = await claimAt(2);
    const proposed = await markClaim(
      t.db,
      bo,
      { id: c.id, version: c.version, status: 'verified' },
      { secondReviewer: true },
    );
    const rejected = await decideProposal(t.db, ana, 'claim', {
      id: c.id,
      version: proposed.version,
      decision: 'reject',
    });
    expect(rejected).toMatchObject({ status: 'unreviewed', proposedStatus: null, outcome: 'rejected' });
    expect((await log('claim', c.id)).map((r) => r.action)).toEqual(['propose_verified', 'reject_verified']);
  });

  it('assigns: a reviewer takes or gives back, an editor assigns anyone, others are refused', async () => {
    const [, l] = await t.db.select().from(links).orderBy(links.id).limit(2);
    let v = l!.version;
    const taken = await assignConflict(t.db, ana, { id: l!.id, version: v, assignee: 'ana' });
    expect(taken).toMatchObject({ assignee: 'ana', version: v + 1 });
    v = taken.version;
    await expect(assignConflict(t.db, bo, { id: l!.id, version: v, assignee: 'bo' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(assignConflict(t.db, ana, { id: l!.id, version: v, assignee: 'bo' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      assignConflict(t.db, ed, { id: l!.id, version: v, assignee: 'nobody-here' }),
    ).rejects.toBeInstanceOf(InputError);
    const moved = await assignConflict(t.db, ed, { id: l!.id, version: v, assignee: 'bo' });
    expect((await linkRow(l!.id))!.assignee).toBe('bo');
    const back = await assignConflict(t.db, bo, { id: l!.id, version: moved.version, assignee: null });
    expect(back.assignee).toBeNull();
    expect((await log('link', l!.id)).map((r) => r.action)).toEqual(['assign:ana', 'assign:bo', 'unassign']);
  });
});
