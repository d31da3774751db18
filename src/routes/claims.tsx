// /claims/:id — one claim and its links (the article page's panel via htmx), marking it, and second-reviewer decisions.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { ClaimPage } from '../../views/pages/claim';
import { ClaimPanel } from '../../views/partials/claim-panel';
import { requireRole } from '../auth/require-role';
import { reviewBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { pageOrFragment, renderError } from '../responses/render';
import { claimDetail } from '../services/articles';
import { claimReviewOf, needsSubject, subjectContexts } from '../services/claimreview-jsonld';
import { decideProposal, markClaim } from '../services/review';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { publicOrigin } from './public-origin';
import { answerReview, invalidReview, reviewTooLarge } from './review-responses';
import { decideForm } from './review-schemas';
import { claimReviewForm, errorMessages, idParam, type ValidationError } from './schemas';

export function claimRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const settings = deps.settings ?? {};
  const badId = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such claim.'),
  );
  // Signed in as reviewer or more, from this site, with a bounded body — before anything is parsed.
  const guard = [
    reviewBodyLimit(reviewTooLarge(deps.db, 'claim')),
    formCsrf(),
    requireRole('reviewer'),
    badId,
  ] as const;
  const invalid = (r: { success: boolean; error?: ValidationError }, c: Context) =>
    r.success || !r.error
      ? undefined
      : invalidReview(c, deps.db, 'claim', (c as Context<AppEnv>).get('user'), errorMessages(r.error));

  app.get('/:id', badId, async (c) => {
    const view = await claimDetail(deps.db, c.req.valid('param').id);
    const origin = publicOrigin(c, deps.settings);
    const context = needsSubject(view.claim.text)
      ? (await subjectContexts(deps.db, [view.claim.id])).get(view.claim.id)
      : undefined;
    const jsonLd = claimReviewOf(
      { claim: view.claim, links: view.links, history: view.reviews, context },
      settings,
      origin,
    );
    return pageOrFragment(
      c,
      `Claim ${view.claim.id}`,
      () => (
        <ClaimPage
          view={view}
          user={c.get('user')}
          jsonLd={jsonLd}
          permalink={`${origin}/claims/${view.claim.id}`}
        />
      ),
      () => <ClaimPanel claim={view.claim} links={view.links} />,
    );
  });

  app.post('/:id/status', ...guard, zValidator('form', claimReviewForm, invalid), async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    const user = c.get('user')!;
    return answerReview(c, {
      db: deps.db,
      target: 'claim',
      id,
      user,
      returnTo: form.return_to ?? `/claims/${id}`,
      act: () => markClaim(deps.db, user, { id, ...form }, settings),
    });
  });

  app.post('/:id/decide', ...guard, zValidator('form', decideForm, invalid), async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    const user = c.get('user')!;
    return answerReview(c, {
      db: deps.db,
      target: 'claim',
      id,
      user,
      returnTo: form.return_to ?? `/claims/${id}`,
      act: () => decideProposal(deps.db, user, 'claim', { id, ...form }),
    });
  });
  return app;
}
