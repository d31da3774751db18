// Stories: articles that share a fact and name a common entity form a story, kept at ingest (merging
// when a new article joins two) and on deletion (splitting); its page lists outlets, each fact with
// every outlet's figures, and an outlet × outlet agreement matrix — checked on what a reader sees and
// on what is stored.
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../db/schema';
import { ingestArticle } from '../../src/services/ingest';
import { storyAssignments } from '../../src/services/story-model';
import { rebuildStories } from '../../src/services/story-upkeep';
import { createTestApp, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

describe('story model', () => {
  it('joins articles into stories, keeps the older id on a merge, and leaves a lone article in none', () => {
    const out = storyAssignments(
      new Map<number, number | null>([
        [1, 1],
        [2, 1],
        [3, 3],
        [4, 3],
        [5, null],
        [6, null],
      ]),
      [
        [1, 2],
        [3, 4],
        [2, 5],
        [4, 5],
      ],
    );
    expect([...out].sort()).toEqual([
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
  });

  it('splits a story whose bridge went: the part with the founding article keeps the id', () => {
    const out = storyAssignments(
      new Map<number, number | null>([
        [1, 1],
        [2, 1],
        [4, 1],
        [5, 1],
        [7, 1],
      ]),
      [
        [1, 2],
        [4, 5],
      ],
    );
    expect([...out].sort()).toEqual([
      [4, 4],
      [5, 4],
      [7, null],
    ]);
  });
});

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  editor = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

const storyOf = async (id: number) =>
  (await t.db.select({ s: articles.storyId }).from(articles).where(eq(articles.id, id)).get())?.s ?? null;

describe('stories over the seeds', () => {
  it('puts the seed articles that share the UDCG fact into one story, and lists it', async () => {
    const inStory = await t.db.select().from(articles).where(isNotNull(articles.storyId));
    expect(inStory.length).toBeGreaterThanOrEqual(2);
    const id = inStory[0]!.storyId!;
    expect(inStory.every((a) => a.storyId === id)).toBe(true);
    expect(id).toBe(Math.min(...inStory.map((a) => a.id)));
    const list = visibleText(await (await t.app.request('/stories')).text());
    expect(list).toContain(`${inStory.length} articles`);
    expect(list).toMatch(/CNN/);
  });

  it('shows the story: its articles, each fact with every outlet’s figures, and the outlet matrix', async () => {
    const id = (await t.db.select().from(articles).where(isNotNull(articles.storyId)))[0]!.storyId!;
    const res = await t.app.request(`/stories/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toMatch(/How many countries\?/);
    expect(text).toMatch(/57 countries/);
    expect(text).toMatch(/some 50/);
    expect(html).toContain('<table class="heat-map"');
    // Each cell: its counts with their signs on screen, the words for a screen reader.
    expect(text).toMatch(/\d+ agree = \d+ disagree ≠/);
    expect(html).not.toMatch(/ style=/);
    const json = await (await t.app.request(`/api/stories/${id}`)).json();
    expect(json.outlets).toEqual(expect.arrayContaining(['CNN']));
    const countries = json.facts.find((f: { unit: string }) => f.unit === 'country');
    expect(countries.groups).toBeGreaterThan(1);
    expect(Object.keys(countries.figures).length).toBeGreaterThanOrEqual(2);
    const disagree = json.pairs.reduce((n: number, p: { disagree: number }) => n + p.disagree, 0);
    expect(disagree).toBeGreaterThan(0);
    expect((await t.app.request('/stories/99999999')).status).toBe(404);
    expect((await t.app.request('/api/stories/99999999')).status).toBe(404);
    expect((await t.app.request('/stories/abc')).status).toBe(404);
  });
});

describe('stories as articles come and go', () => {
  // Each outlet opens with reporting of its own: texts that differ in one figure only would be one wire
  // story (docs/wire-copies.md), whose claims are never linked to each other.
  const leads = [
    '',
    'Officials spent the morning in closed talks about ammunition deliveries and the training of pilots, according to people briefed on the meeting, while protesters gathered outside the conference hall.',
    'Reporters waiting outside the ministry were told that the afternoon session would turn to air defence systems and winter equipment for the front, and that no statement was expected before the evening.',
    'The meeting opened with tributes to soldiers who died in the east, then turned to questions of funding, logistics and the repair of damaged tanks, a spokesman for the host government told journalists.',
  ];
  // Each agrees with the DOD's "some 50 partners" (a telling figure): one fact agreed on, and the names
  // they share with the seeds, are one story; a single disputed figure would take a third of the names.
  const wire = (n: number, extra = '') => ({
    outlet: `Wire ${n}`,
    title: `Contact group ${n}`,
    text: `${leads[n]}\nDefense Secretary Lloyd Austin III has also continued to rally the Ukraine Defense Contact Group, a global network of about 50 partners committed to Ukraine's near-term battlefield needs.${extra}`,
  });

  it('a new article sharing the fact joins the story; deleting it takes it out; a rebuild changes nothing', async () => {
    const story = (await t.db.select().from(articles).where(isNotNull(articles.storyId)))[0]!.storyId!;
    const r = await ingestArticle(t.db, wire(1));
    if (r.status !== 'created') throw new Error('not created');
    expect(await storyOf(r.articleId)).toBe(story);
    const page = visibleText(await (await t.app.request(`/stories/${story}`)).text());
    expect(page).toContain('Wire 1');
    expect((await rebuildStories(t.db, false)).moved).toBe(0);
    const del = await t.app.request(`/api/articles/${r.articleId}`, {
      method: 'DELETE',
      headers: editor.bearer,
    });
    expect(del.status).toBeLessThan(300);
    expect(visibleText(await (await t.app.request(`/stories/${story}`)).text())).not.toContain('Wire 1');
    expect((await rebuildStories(t.db, false)).moved).toBe(0);
  });

  it('an article sharing nothing with the others is in no story', async () => {
    const r = await ingestArticle(t.db, {
      outlet: 'Garden Weekly',
      title: 'Tomatoes',
      text: 'The allotment society in Leeds planted 340 tomato plants this spring, its secretary said.',
    });
    if (r.status !== 'created') throw new Error('not created');
    expect(await storyOf(r.articleId)).toBeNull();
  });

  it('merges two stories when a new article joins them, keeping the older id, and the other id leads there', async () => {
    const seedStory = (await t.db.select().from(articles).where(isNotNull(articles.storyId)))[0]!.storyId!;
    const a = await ingestArticle(t.db, wire(2));
    if (a.status !== 'created') throw new Error('not created');
    // Set Wire 2 apart as a story of its own (as if it had formed before the seeds were linked to it).
    await t.db.update(articles).set({ storyId: a.articleId }).where(eq(articles.id, a.articleId));
    const b = await ingestArticle(t.db, wire(3));
    if (b.status !== 'created') throw new Error('not created');
    expect(await storyOf(a.articleId)).toBe(seedStory);
    expect(await storyOf(b.articleId)).toBe(seedStory);
    const moved = await t.app.request(`/stories/${a.articleId}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/stories/${seedStory}`);
  });
});
