// /facts/:id — one fact: every source's figure on a number line, and its table (GET /api/facts/:id).
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { FactPage } from '../../views/pages/fact';
import { renderError } from '../responses/render';
import { factDetail } from '../services/facts';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { anonymousPages } from './cached-page';
import { publicOrigin } from './public-origin';
import { errorSummary, factPageQuery, idParam, type ValidationError } from './schemas';

export function factRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const badId = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such fact.'),
  );
  const cached = anonymousPages(deps.db);
  const badPage = zValidator('query', factPageQuery, (r, c) =>
    r.success ? undefined : renderError(c, 400, errorSummary(r.error as ValidationError)),
  );
  app.get('/:id', badId, badPage, async (c) => {
    const id = c.req.valid('param').id;
    const page = c.req.valid('query').page;
    const origin = publicOrigin(c, deps.settings);
    return cached(c, JSON.stringify([id, page, origin]), async () => {
      const fact = await factDetail(deps.db, id, page);
      // A fact merged into another since the link was shared: its page is the other's.
      if ('movedTo' in fact)
        return c.redirect(`/facts/${fact.movedTo}${page > 1 ? `?page=${page}` : ''}`, 301);
      return {
        title: `Fact #${fact.id}: ${fact.rows
          .map((r) => r.figure.text)
          .slice(0, 3)
          .join(' · ')}`,
        body: <FactPage fact={fact} permalink={`${origin}/facts/${fact.id}`} />,
      };
    });
  });
  return app;
}
