// /conflicts/:id — one conflict side by side, and resolving it.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { ConflictPage } from '../../views/pages/conflict';
import { LinkReview } from '../../views/partials/link-review';
import { reviewBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { conflictDetail } from '../services/conflicts';
import { linkState, resolveConflict } from '../services/review';
import type { AppDeps, AppEnv } from './app-types';
import { page, renderError } from './render';
import { answerReview, reviewFailed } from './review-responses';
import { errorSummary, idParam, linkReviewForm } from './schemas';

export function conflictRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const badId = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such conflict.'),
  );

  app.get('/:id', badId, async (c) => {
    const detail = await conflictDetail(deps.db, c.req.valid('param').id);
    return page(
      c,
      `${detail.link.a.outlet} vs ${detail.link.b.outlet}`,
      <ConflictPage detail={detail} reviewer={deps.reviewer} />,
    );
  });

  app.post(
    '/:id/resolve',
    reviewBodyLimit((c, message) => renderError(c, 413, message)),
    formCsrf(),
    badId,
    zValidator('form', linkReviewForm, async (r, c) => {
      if (r.success) return;
      const id = Number(c.req.param('id'));
      const state = await linkState(deps.db, id);
      const message = errorSummary(r.error);
      const back = `/conflicts/${id}`;
      return reviewFailed(
        c,
        422,
        message,
        () => <LinkReview link={state} error={message} returnTo={back} />,
        back,
      );
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const form = c.req.valid('form');
      const returnTo = form.return_to ?? `/conflicts/${id}`;
      return answerReview(c, {
        returnTo,
        reviewer: form.name ?? deps.reviewer,
        loadState: () => linkState(deps.db, id),
        act: (reviewer) =>
          resolveConflict(deps.db, {
            id,
            version: form.version,
            status: form.resolution,
            reviewer,
            note: form.note,
          }),
        fromStale: (err) => ({ id, ...err.current }),
        render: (link, reviewer, error) => (
          <LinkReview link={link} reviewer={reviewer} error={error} returnTo={returnTo} />
        ),
      });
    },
  );
  return app;
}
