// /api/* — the JSON twin of every page, the review actions as JSON, and the stateless compare.
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import { requireJson } from '../middleware/content-type';
import { articleBodyLimit, compareBodyLimit, reviewBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { articleDetail, articleList, claimDetail } from '../services/articles';
import { compareDocuments } from '../services/compare';
import { conflictDetail, conflictQueue } from '../services/conflicts';
import { ingestArticle } from '../services/ingest';
import { markClaim, resolveConflict } from '../services/review';
import type { AppDeps, AppEnv } from './app-types';
import {
  articleInput,
  claimReviewJson,
  compareInput,
  errorSummary,
  fieldErrors,
  idParam,
  linkReviewJson,
  pageQuery,
  queueQuery,
  type ValidationError,
} from './schemas';

/** Validation failures as JSON: a one-line message plus the message per field. */
const invalid = (r: { success: boolean; error?: ValidationError }, c: Context) => {
  if (r.success || !r.error) return;
  return c.json(
    { error: { status: 422, message: errorSummary(r.error), fields: fieldErrors(r.error) } },
    422,
  );
};
const notFoundId = (r: { success: boolean }, c: Context) =>
  r.success ? undefined : c.json({ error: { status: 404, message: 'No such id.' } }, 404);

export function apiRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  const id = zValidator('param', idParam, notFoundId);
  const reviewerOf = (given: string | undefined) => given ?? deps.reviewer;
  const noReviewer = (c: Context) =>
    c.json(
      { error: { status: 422, message: 'Give "reviewer": every review is signed in the audit log.' } },
      422,
    );

  api.get('/conflicts', zValidator('query', queueQuery, invalid), async (c) =>
    c.json(await conflictQueue(deps.db, c.req.valid('query'))),
  );
  api.get('/conflicts/:id', id, async (c) => c.json(await conflictDetail(deps.db, c.req.valid('param').id)));
  api.post(
    '/conflicts/:id/resolve',
    reviewBodyLimit(),
    formCsrf(),
    requireJson(),
    id,
    zValidator('json', linkReviewJson, invalid),
    async (c) => {
      const body = c.req.valid('json');
      const reviewer = reviewerOf(body.reviewer);
      if (!reviewer) return noReviewer(c);
      const done = await resolveConflict(deps.db, {
        ...body,
        id: c.req.valid('param').id,
        status: body.resolution,
        reviewer,
      });
      return c.json(done);
    },
  );

  api.get('/articles', zValidator('query', pageQuery, invalid), async (c) =>
    c.json(await articleList(deps.db, c.req.valid('query'))),
  );
  api.post(
    '/articles',
    articleBodyLimit(),
    formCsrf(),
    requireJson(),
    zValidator('json', articleInput, invalid),
    async (c) => {
      const result = await ingestArticle(deps.db, c.req.valid('json'));
      if (result.status === 'duplicate') {
        return c.json({ ...result, message: 'This text was already ingested; nothing new was stored.' }, 200);
      }
      return c.json(result, 201);
    },
  );
  api.get('/articles/:id', id, async (c) => c.json(await articleDetail(deps.db, c.req.valid('param').id)));

  api.get('/claims/:id', id, async (c) => c.json(await claimDetail(deps.db, c.req.valid('param').id)));
  api.post(
    '/claims/:id/status',
    reviewBodyLimit(),
    formCsrf(),
    requireJson(),
    id,
    zValidator('json', claimReviewJson, invalid),
    async (c) => {
      const body = c.req.valid('json');
      const reviewer = reviewerOf(body.reviewer);
      if (!reviewer) return noReviewer(c);
      return c.json(await markClaim(deps.db, { ...body, id: c.req.valid('param').id, reviewer }));
    },
  );

  api.post('/compare', compareBodyLimit(), requireJson(), zValidator('json', compareInput, invalid), (c) =>
    c.json(compareDocuments(c.req.valid('json').documents)),
  );
  return api;
}
