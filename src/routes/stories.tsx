// /stories and /stories/:id — groups of articles about one event: their outlets, facts and an outlet ×
// outlet agreement matrix — and their JSON twins under /api/stories.
import { zValidator } from '@hono/zod-validator';
import { StoriesPage } from '../../views/pages/stories';
import { StoryPage } from '../../views/pages/story';
import { page, renderError } from '../responses/render';
import { type StoryView, storyDetail, storyList } from '../services/stories';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { anonymousPages } from './cached-page';
import { publicOrigin } from './public-origin';
import { errorSummary, idParam, storyPageQuery, type ValidationError } from './schemas';

export function storyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const badId = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such story.'),
  );
  app.get('/', async (c) =>
    page(c, 'Stories', <StoriesPage stories={await storyList(deps.db)} />, { nav: 'stories' }),
  );
  const cached = anonymousPages(deps.db);
  const badPage = zValidator('query', storyPageQuery, (r, c) =>
    r.success ? undefined : renderError(c, 400, errorSummary(r.error as ValidationError)),
  );
  app.get('/:id', badId, badPage, async (c) => {
    const id = c.req.valid('param').id;
    const { page, articles } = c.req.valid('query');
    const origin = publicOrigin(c, deps.settings);
    return cached(c, JSON.stringify([id, page, articles, origin]), async () => {
      const story = await storyDetail(deps.db, id, { facts: page, articles });
      // A story merged into another since the link was shared: its page is the other's.
      if ('movedTo' in story)
        return c.redirect(`/stories/${story.movedTo}${pageSearch(page, articles)}`, 301);
      return {
        title: `Story #${story.id}: ${story.title}`,
        body: <StoryPage story={story} permalink={`${origin}/stories/${story.id}`} />,
        nav: 'stories',
      };
    });
  });
  return app;
}

/** The query string of a page of a story ("" for the first pages). */
export function pageSearch(page: number, articles: number): string {
  const p = new URLSearchParams();
  if (page > 1) p.set('page', String(page));
  if (articles > 1) p.set('articles', String(articles));
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** The story as JSON: each fact's figures per outlet as an object (a Map does not serialise). */
function storyJson(story: StoryView) {
  return {
    ...story,
    facts: story.facts.map((f) => ({ ...f, figures: Object.fromEntries(f.figures) })),
  };
}

export function storyApiRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  const id = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : c.json({ error: { status: 404, message: 'No such id.' } }, 404),
  );
  api.get('/', async (c) => c.json(await storyList(deps.db)));
  const pageOf = zValidator('query', storyPageQuery, (r, c) =>
    r.success
      ? undefined
      : c.json({ error: { status: 422, message: errorSummary(r.error as ValidationError) } }, 422),
  );
  api.get('/:id', id, pageOf, async (c) => {
    const { page, articles } = c.req.valid('query');
    const story = await storyDetail(deps.db, c.req.valid('param').id, { facts: page, articles });
    if ('movedTo' in story)
      return c.redirect(`/api/stories/${story.movedTo}${pageSearch(page, articles)}`, 301);
    return c.json(storyJson(story));
  });
  return api;
}
