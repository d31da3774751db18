// A wire copy's page says which outlets published the same story, and links to their articles; the
// JSON twin carries the same list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, type TestApp, visibleText } from '../helpers/app';

const WIRE = `The ferry operator said 412 passengers were evacuated from the burning ship on Tuesday night, and 23 of them were taken to hospital.
The fire started in the engine room at about 9 p.m., when the ferry was 14 kilometres from the port, the coast guard said.
Four rescue boats and two helicopters took part in the operation, which lasted three hours.
The company said the ship, built in 1998, had passed its last safety inspection in March.`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await ingestArticle(t.db, { outlet: 'Wire Service', title: 'Ferry fire', text: WIRE });
  await ingestArticle(t.db, {
    outlet: 'Harbour Post',
    title: 'Panic on ferry',
    text: `Smoke filled the decks.\n${WIRE}`,
  });
});
afterAll(() => t.cleanup());

describe('wire copies on the article page', () => {
  it('says "also published by" on each copy, with a link to the other', async () => {
    const copy = await (await t.app.request('/articles/2')).text();
    expect(visibleText(copy)).toMatch(/One wire story: also published by Wire Service ?\./);
    expect(copy).toContain('href="/articles/1"');
    const original = visibleText(await (await t.app.request('/articles/1')).text());
    expect(original).toMatch(/also published by Harbour Post ?\./);
    const json = (await (await t.app.request('/api/articles/2')).json()) as { alsoPublishedBy: unknown };
    expect(json.alsoPublishedBy).toEqual([{ id: 1, title: 'Ferry fire', outlet: 'Wire Service' }]);
  });
});
