// /conflicts/:id — one conflict side by side, resolving, assigning and second-reviewer decisions;
// POST /conflicts/bulk — the queue's bulk form.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { ConflictPage, conflictTitle } from '../../views/pages/conflict';
import { QueuePage } from '../../views/pages/queue';
import { QueueList } from '../../views/partials/queue-list';
import { requireRole } from '../auth/require-role';
import { reviewBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { isHtmx } from '../responses/htmx';
import { fragment, page, renderError } from '../responses/render';
import { type BulkItemResult, bulkConflicts } from '../services/bulk';
import { conflictDetail, conflictQueue } from '../services/conflicts';
import { assignConflict, decideProposal, type ReviewResult, resolveConflict } from '../services/review';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { anonymousPages } from './cached-page';
import { publicOrigin } from './public-origin';
import { answerReview, invalidReview, reviewTooLarge } from './review-responses';
import { assignForm, bulkForm, decideForm } from './review-schemas';
import { errorMessages, idParam, linkReviewForm, queueQuery, type ValidationError } from './schemas';

export function conflictRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const settings = deps.settings ?? {};
  const badId = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such conflict.'),
  );
  const tooLarge = reviewBodyLimit((c, message) => renderError(c, 413, message));
  // Signed in as reviewer or more, from this site, with a bounded body — before anything is parsed.
  const guard = [
    reviewBodyLimit(reviewTooLarge(deps.db, 'link')),
    formCsrf(),
    requireRole('reviewer'),
    badId,
  ] as const;
  const invalid = (r: { success: boolean; error?: ValidationError }, c: Context) =>
    r.success || !r.error
      ? undefined
      : invalidReview(c, deps.db, 'link', (c as Context<AppEnv>).get('user'), errorMessages(r.error));
  const answer = (
    c: Context<AppEnv>,
    id: number,
    returnTo: string | undefined,
    act: () => Promise<ReviewResult>,
  ) =>
    answerReview(c, {
      db: deps.db,
      target: 'link',
      id,
      user: c.get('user')!,
      returnTo: returnTo ?? `/conflicts/${id}`,
      act,
    });

  /** The queue the reviewer was looking at (its filters come back in return_to), with what happened. */
  async function queueAnswer(
    c: Context<AppEnv>,
    returnTo: unknown,
    status: 200 | 409 | 422,
    outcome: { report?: BulkItemResult[]; error?: string },
  ) {
    const back = new URL(
      typeof returnTo === 'string' && returnTo.startsWith('/') ? returnTo : '/',
      'http://x',
    );
    const parsed = queueQuery.safeParse(Object.fromEntries(back.searchParams));
    const user = c.get('user');
    const queue = await conflictQueue(deps.db, parsed.success ? parsed.data : queueQuery.parse({}), user);
    if (isHtmx(c)) return fragment(c, <QueueList queue={queue} {...outcome} />, status);
    return page(c, 'Bulk action', <QueuePage queue={queue} {...outcome} />, { status, nav: 'queue' });
  }

  app.post(
    '/bulk',
    tooLarge,
    formCsrf(),
    requireRole('reviewer'),
    zValidator('form', bulkForm, async (r, c) => {
      if (r.success) return;
      // The list stays (swapped with the message on top), so the selection can be fixed and sent again.
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const error = errorMessages(r.error as ValidationError);
      return queueAnswer(c as Context<AppEnv>, body.return_to, 422, { error });
    }),
    async (c) => {
      const form = c.req.valid('form');
      const results = await bulkConflicts(deps.db, c.get('user')!, form, settings);
      const status = results.every((r) => r.ok) ? 200 : 409;
      return queueAnswer(c, form.return_to, status, { report: results });
    },
  );

  const cached = anonymousPages(deps.db);
  app.get('/:id', badId, async (c) => {
    const id = c.req.valid('param').id;
    const origin = publicOrigin(c, deps.settings);
    return cached(c, JSON.stringify([id, origin]), async () => {
      const detail = await conflictDetail(deps.db, id);
      return {
        title: conflictTitle(detail.link, detail.speakers),
        body: (
          <ConflictPage
            detail={detail}
            user={c.get('user')}
            permalink={`${origin}/conflicts/${detail.link.id}`}
          />
        ),
      };
    });
  });

  app.post('/:id/resolve', ...guard, zValidator('form', linkReviewForm, invalid), async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    return answer(c, id, form.return_to, () =>
      resolveConflict(deps.db, c.get('user')!, { id, ...form }, settings),
    );
  });

  app.post('/:id/decide', ...guard, zValidator('form', decideForm, invalid), async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    return answer(c, id, form.return_to, () =>
      decideProposal(deps.db, c.get('user')!, 'link', { id, ...form }),
    );
  });

  app.post('/:id/assign', ...guard, zValidator('form', assignForm, invalid), async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    return answer(c, id, form.return_to, () => assignConflict(deps.db, c.get('user')!, { id, ...form }));
  });
  return app;
}
