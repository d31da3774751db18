// /facts/:id — one fact: every source's figure on a number line, and its table (GET /api/facts/:id).
import { zValidator } from '@hono/zod-validator';
import { FactPage } from '../../views/pages/fact';
import { FactPairs } from '../../views/partials/queue-list';
import { isHtmx } from '../responses/htmx';
import { fragment, page, renderError } from '../responses/render';
import { unfoldedFact } from '../services/conflicts';
import { factDetail } from '../services/facts';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { hasRole } from '../shared/user';
import { anonymousPages } from './cached-page';
import { publicOrigin } from './public-origin';
import { errorSummary, factPageQuery, idParam, queueQuery, type ValidationError } from './schemas';

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
  // A fact's pairs under its queue row, read when the row is unfolded (the queue's filters apply).
  const badFilter = zValidator('query', queueQuery, (r, c) =>
    r.success ? undefined : renderError(c, 400, errorSummary(r.error as ValidationError)),
  );
  app.get('/:id/pairs', badId, badFilter, async (c) => {
    const id = c.req.valid('param').id;
    const user = c.get('user');
    const unfolded = await unfoldedFact(deps.db, id, c.req.valid('query'), user);
    // In the queue (htmx) its boxes join the bulk form; opened on its own, it is a list of links.
    if (isHtmx(c)) return fragment(c, <FactPairs unfolded={unfolded} canBulk={hasRole(user, 'reviewer')} />);
    return page(
      c,
      `Fact #${id}: its pairs in the queue`,
      <>
        <h1>
          <a href={`/facts/${id}`}>Fact #{id}</a>: its pairs in the queue
        </h1>
        <FactPairs unfolded={unfolded} canBulk={false} />
      </>,
      { nav: 'queue' },
    );
  });
  return app;
}
