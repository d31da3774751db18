// Facts stay the connected components of their links: a deletion that takes away the article holding
// a fact together splits it (through the editor's route), and `npm run facts:rebuild` puts a database
// from before facts, or one left inconsistent, right — checked on what is stored.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, links } from '../../db/schema';
import { factAssignments } from '../../src/services/fact-model';
import { backfillFactsIfNeeded, checkFacts, rebuildFacts } from '../../src/services/fact-upkeep';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

describe('fact model: splits', () => {
  const e = (id: number, claimA: number, claimB: number, factId: number | null) => ({
    id,
    claimA,
    claimB,
    unit: 'country',
    factId,
  });

  it('keeps the id with the part that holds the founding link; the other part is a fact of its own', () => {
    // Fact 5 was 1–2–3–4; the link 2–3 (id 9) went with its article.
    const assign = factAssignments([e(5, 1, 2, 5), e(12, 3, 4, 5), e(14, 4, 6, 5)]);
    expect([...assign]).toEqual([[12, [12, 14]]]);
  });

  it('when the founding link itself went, the part with the smallest link keeps the id', () => {
    const assign = factAssignments([e(9, 2, 3, 5), e(12, 4, 7, 5)]);
    expect([...assign]).toEqual([[12, [12]]]);
  });

  it('never names a new part after a fact id another part owns', () => {
    // Link 7 carries fact 3; a part elsewhere still carries fact 7 (an inconsistent database).
    const assign = factAssignments([e(3, 1, 2, 3), e(7, 2, 3, 3), e(8, 5, 6, 7), e(11, 8, 9, 3)]);
    const facts = new Map<number, number>([
      [3, 3],
      [7, 3],
      [8, 7],
      [11, 3],
    ]);
    for (const [fact, ids] of assign) for (const id of ids) facts.set(id, fact);
    expect(facts.get(3)).toBe(facts.get(7));
    expect(new Set([facts.get(3), facts.get(8), facts.get(11)]).size).toBe(3);
  });
});

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  editor = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

// Each joins the seeds' "57 countries / some 50 partners" fact. Each outlet opens with reporting of its
// own: three texts that differ in one figure only would be one wire story (docs/wire-copies.md), whose
// claims are never linked to each other.
const LEADS = [
  '',
  'Officials spent the morning in closed talks about ammunition deliveries and the training of pilots, according to people briefed on the meeting, while protesters gathered outside the conference hall with flags and banners.',
  'Reporters waiting outside the ministry were told that the afternoon session would turn to air defence systems and winter equipment for the front, and that no statement was expected before the evening news.',
  'The meeting opened with tributes to soldiers who died in the east, then turned to questions of funding, logistics and the repair of damaged tanks, a spokesman for the host government told journalists.',
  'Diplomats arriving by train described the mood as sober but determined, and several delegations brought proposals on demining, medical evacuation and the protection of power stations from drone attacks.',
  'Outside the venue, volunteers handed out leaflets about a charity drive for hospitals near the front line, and police closed the nearby streets to traffic until late in the afternoon.',
  'Analysts watching the talks said the real test would come later in the winter, when stocks of shells and spare parts run low and parliaments debate new spending for the coming year.',
];
const wire = (n: number) => ({
  outlet: `Wire ${n}`,
  title: `Contact group ${n}`,
  text: `${LEADS[n]}\nDefense Secretary Lloyd Austin III has also continued to rally the Ukraine Defense Contact Group, a global network of some ${70 + n * 10} partners committed to Ukraine's near-term battlefield needs.`,
});

async function articleClaims(articleId: number): Promise<number[]> {
  const rows = await t.db.select({ id: claims.id }).from(claims).where(eq(claims.articleId, articleId));
  return rows.map((r) => r.id);
}

const between = (x: number[], y: number[]) =>
  or(
    and(inArray(links.claimA, x), inArray(links.claimB, y)),
    and(inArray(links.claimA, y), inArray(links.claimB, x)),
  );

const created = async (n: number) => {
  const r = await ingestArticle(t.db, wire(n));
  if (r.status !== 'created') throw new Error('not created');
  return r.articleId;
};

describe('deleting an article keeps facts whole', () => {
  it('keeps the fact and its id when what is left stays connected, through DELETE /api/articles/:id', async () => {
    const seedClaims = (await t.db.select({ id: claims.id }).from(claims)).map((r) => r.id);
    const [w1, w2, w3] = [await created(1), await created(2), await created(3)];
    const [c1, c2, c3] = [await articleClaims(w1), await articleClaims(w2), await articleClaims(w3)];
    const l12 = await t.db.select().from(links).where(between(c1, c2));
    const l23 = await t.db.select().from(links).where(between(c2, c3));
    expect(l12.length).toBeGreaterThan(0);
    expect(l23.length).toBeGreaterThan(0);
    const fact = l12[0]!.factId!;
    // As if the detector had linked only seeds–Wire 1, Wire 1–Wire 2 and Wire 2–Wire 3: a chain.
    await t.db.delete(links).where(or(between(c2, seedClaims), between(c3, seedClaims), between(c1, c3)));
    expect((await checkFacts(t.db)).moved).toBe(0);
    expect(new Set([...l12, ...l23].map((l) => l.factId))).toEqual(new Set([fact]));

    // Wire 2 linked Wire 1 and Wire 3; Wire 3 is left with no link at all.
    const res = await t.app.request(`/api/articles/${w2}`, { method: 'DELETE', headers: editor.bearer });
    expect(res.status).toBeLessThan(300);
    const left = await t.db
      .select()
      .from(links)
      .where(between(c3, seedClaims.concat(c1)));
    expect(left).toEqual([]);
    const w1Links = await t.db
      .select()
      .from(links)
      .where(or(inArray(links.claimA, c1), inArray(links.claimB, c1)));
    expect(w1Links.length).toBeGreaterThan(0);
    expect(new Set(w1Links.filter((l) => l.factId !== null).map((l) => l.factId))).toEqual(new Set([fact]));
    expect((await checkFacts(t.db)).moved).toBe(0);
    // The fact's page no longer lists Wire 2; Wire 1 stays.
    const page = visibleText(await (await t.app.request(`/facts/${fact}`)).text());
    expect(page).toContain('Wire 1');
    expect(page).not.toContain('Wire 2');
  });

  it('splits off a part into a fact of its own, named after its smallest link', async () => {
    const [a, b, c] = [await created(4), await created(5), await created(6)];
    const [ca, cb, cc] = [await articleClaims(a), await articleClaims(b), await articleClaims(c)];
    const seedClaims = (
      await t.db
        .select({ id: claims.id })
        .from(claims)
        .where(inArray(claims.articleId, [1, 2]))
    ).map((r) => r.id);
    // A chain seeds – A – B – C with nothing else touching B or C.
    await t.db.delete(links).where(or(between(cb, seedClaims), between(cc, seedClaims), between(ca, cc)));
    const others = (await t.db.select({ id: claims.id }).from(claims))
      .map((r) => r.id)
      .filter((id) => ![...ca, ...cb, ...cc].includes(id) && !seedClaims.includes(id));
    await t.db.delete(links).where(or(between(cb, others), between(cc, others)));
    const bc = await t.db.select().from(links).where(between(cb, cc));
    expect(bc.length).toBeGreaterThan(0);
    const fact = bc[0]!.factId!;
    const res = await t.app.request(`/api/articles/${a}`, { method: 'DELETE', headers: editor.bearer });
    expect(res.status).toBeLessThan(300);
    const after = await t.db.select().from(links).where(between(cb, cc));
    const own = Math.min(...after.map((l) => l.id));
    expect(after.every((l) => l.factId === own)).toBe(true);
    expect(own).not.toBe(fact);
    // The seeds' fact is untouched by B and C.
    const seedFact = await t.db
      .select()
      .from(links)
      .where(and(between(seedClaims, seedClaims), isNotNull(links.factId)));
    expect(seedFact.every((l) => l.factId !== own)).toBe(true);
    const json = await (await t.app.request(`/api/facts/${own}`)).json();
    expect(json.rows.map((r: { outlet: string }) => r.outlet).sort()).toEqual(['Wire 5', 'Wire 6']);
  });
});

describe('npm run facts:rebuild', () => {
  it('puts the links of a database from before facts into the same facts ingest gives them', async () => {
    const before = await t.db.select({ id: links.id, factId: links.factId }).from(links);
    await t.db.update(links).set({ factId: null });
    expect((await checkFacts(t.db)).moved).toBeGreaterThan(0);
    const r = await backfillFactsIfNeeded(t.db);
    expect(r?.moved).toBeGreaterThan(0);
    expect(await t.db.select({ id: links.id, factId: links.factId }).from(links)).toEqual(before);
    expect(await backfillFactsIfNeeded(t.db)).toBeNull();
    expect((await rebuildFacts(t.db)).moved).toBe(0);
  });

  it('runs from the command line: --check exits 1 on an inconsistent database, the rebuild mends it', async () => {
    const run = promisify(execFile);
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    const env = { ...process.env, DATABASE_URL: `file:${t.file}` };
    const some = (await t.db.select().from(links).where(isNotNull(links.factId)))[0]!;
    await t.db.update(links).set({ factId: null }).where(eq(links.id, some.id));
    const check = await run('npx', ['tsx', 'src/cli/facts.ts', '--check'], { cwd, env }).catch((e) => e);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/1 would move/);
    const fixed = await run('npx', ['tsx', 'src/cli/facts.ts'], { cwd, env });
    expect(fixed.stdout).toMatch(/1 moved/);
    expect((await t.db.select().from(links).where(eq(links.id, some.id)).get())!.factId).toBe(some.factId);
  }, 60_000);
});
