// /claims/:id — one claim and its links (the article page's panel via htmx), and marking its status.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { ClaimPage } from '../../views/pages/claim';
import { ClaimPanel } from '../../views/partials/claim-panel';
import { ClaimReview } from '../../views/partials/claim-review';
import { reviewBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { claimDetail } from '../services/articles';
import { claimState, markClaim } from '../services/review';
import type { AppDeps, AppEnv } from './app-types';
import { pageOrFragment, renderError } from './render';
import { answerReview, reviewFailed } from './review-responses';
import { claimReviewForm, errorSummary, idParam } from './schemas';

export function claimRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const badId = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such claim.'),
  );

  app.get('/:id', badId, async (c) => {
    const view = await claimDetail(deps.db, c.req.valid('param').id);
    return pageOrFragment(
      c,
      `Claim ${view.claim.id}`,
      () => <ClaimPage view={view} reviewer={deps.reviewer} />,
      () => <ClaimPanel claim={view.claim} links={view.links} />,
    );
  });

  app.post(
    '/:id/status',
    reviewBodyLimit((c, message) => renderError(c, 413, message)),
    formCsrf(),
    badId,
    zValidator('form', claimReviewForm, async (r, c) => {
      if (r.success) return;
      const id = Number(c.req.param('id'));
      const state = await claimState(deps.db, id);
      const message = errorSummary(r.error);
      return reviewFailed(
        c,
        422,
        message,
        () => <ClaimReview claim={state} error={message} returnTo={`/claims/${id}`} />,
        `/claims/${id}`,
      );
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const form = c.req.valid('form');
      const returnTo = form.return_to ?? `/claims/${id}`;
      return answerReview(c, {
        returnTo,
        reviewer: form.name ?? deps.reviewer,
        loadState: () => claimState(deps.db, id),
        act: (reviewer) =>
          markClaim(deps.db, { id, version: form.version, status: form.status, reviewer, note: form.note }),
        fromStale: (err) => ({ id, ...err.current }),
        render: (claim, reviewer, error) => (
          <ClaimReview claim={claim} reviewer={reviewer} error={error} returnTo={returnTo} />
        ),
      });
    },
  );
  return app;
}
