// /stories and /stories/:id — groups of articles about one event: their outlets, facts and an outlet ×
// outlet agreement matrix — and their JSON twins under /api/stories.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { StoriesPage } from '../../views/pages/stories';
import { StoryPage } from '../../views/pages/story';
import { page, renderError } from '../responses/render';
import { type StoryView, storyDetail, storyList } from '../services/stories';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { anonymousPages } from './cached-page';
import { publicOrigin } from './public-origin';
import { idParam } from './schemas';

export function storyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const badId = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such story.'),
  );
  app.get('/', async (c) =>
    page(c, 'Stories', <StoriesPage stories={await storyList(deps.db)} />, { nav: 'stories' }),
  );
  const cached = anonymousPages(deps.db);
  app.get('/:id', badId, async (c) => {
    const id = c.req.valid('param').id;
    const origin = publicOrigin(c, deps.settings);
    return cached(c, JSON.stringify([id, origin]), async () => {
      const story = await storyDetail(deps.db, id);
      // A story merged into another since the link was shared: its page is the other's.
      if ('movedTo' in story) return c.redirect(`/stories/${story.movedTo}`, 301);
      return {
        title: `Story #${story.id}: ${story.title}`,
        body: <StoryPage story={story} permalink={`${origin}/stories/${story.id}`} />,
        nav: 'stories',
      };
    });
  });
  return app;
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
  api.get('/:id', id, async (c) => {
    const story = await storyDetail(deps.db, c.req.valid('param').id);
    if ('movedTo' in story) return c.redirect(`/api/stories/${story.movedTo}`, 301);
    return c.json(storyJson(story));
  });
  return api;
}
