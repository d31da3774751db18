// /api/* — the JSON twin of every page, the review actions as JSON, and the stateless compare.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { requireRole } from '../auth/require-role';
import { requireJson } from '../middleware/content-type';
import { accountBodyLimit, articleBodyLimit, compareBodyLimit, reviewBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { articleDetail, articleList, claimDetail } from '../services/articles';
import { bulkConflicts } from '../services/bulk';
import { inThreadCompute } from '../services/compute';
import { conflictDetail, conflictQueueAt, queueDataCache, queueReaderState } from '../services/conflicts';
import { deleteArticle } from '../services/delete-article';
import { factDetail } from '../services/facts';
import { assignConflict, decideProposal, markClaim, resolveConflict } from '../services/review';
import { addText } from '../services/text-add';
import { VersionedCache } from '../services/versioned-cache';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { exportRoutes } from './export';
import { assignJson, bulkJson, decideJson } from './review-schemas';
import {
  articleInput,
  claimReviewJson,
  compareInput,
  errorSummary,
  factPageQuery,
  fieldErrors,
  idParam,
  linkReviewJson,
  pageQuery,
  queueQuery,
  type ValidationError,
} from './schemas';
import { urlArticleJson } from './url-articles';

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

  // The queue's JSON as sent, per data version, filter set and reader (like the page's HTML, see
  // routes/queue.tsx): a repeated request reads the version (and reviewers) and sends the same bytes,
  // encoded once.
  const queueBodies = new VersionedCache<Uint8Array<ArrayBuffer>>(64);
  api.get('/conflicts', zValidator('query', queueQuery, invalid), async (c) => {
    const query = c.req.valid('query');
    const user = c.get('user');
    const { version, reviewers } = await queueReaderState(deps.db, user);
    const key = JSON.stringify([query, user, reviewers]);
    let body = queueBodies.get(version, key);
    if (body === undefined) {
      const at = await conflictQueueAt(deps.db, query, user, queueDataCache(deps.db), reviewers);
      const { queue } = at;
      // Each pair once: in `items`; an entry names its pairs by id (they were in both, doubling the answer).
      const entries = queue.entries.map(({ pairs, ...e }) => ({ ...e, pairIds: pairs.map((p) => p.id) }));
      body = new TextEncoder().encode(JSON.stringify({ ...queue, entries }));
      queueBodies.set(at.version, key, body);
    }
    return c.body(body, 200, { 'content-type': 'application/json' });
  });
  api.get('/conflicts/:id', id, async (c) => c.json(await conflictDetail(deps.db, c.req.valid('param').id)));
  api.get('/facts/:id', id, zValidator('query', factPageQuery, invalid), async (c) => {
    const page = c.req.valid('query').page;
    const fact = await factDetail(deps.db, c.req.valid('param').id, page);
    if ('movedTo' in fact)
      return c.redirect(`/api/facts/${fact.movedTo}${page > 1 ? `?page=${page}` : ''}`, 301);
    // JSON has no Infinity: an open upper bound is "high": null, as everywhere else.
    const rows = fact.rows.map((r) => ({
      ...r,
      figure: { ...r.figure, high: Number.isFinite(r.figure.high) ? r.figure.high : null },
    }));
    return c.json({ ...fact, rows });
  });
  // Review actions: a signed-in reviewer (bearer token), from no foreign site, with a bounded body.
  const reviewGuard = [reviewBodyLimit(), formCsrf(), requireRole('reviewer'), requireJson()] as const;
  const settings = deps.settings ?? {};

  api.post('/conflicts/bulk', ...reviewGuard, zValidator('json', bulkJson, invalid), async (c) => {
    const results = await bulkConflicts(deps.db, c.get('user')!, c.req.valid('json'), settings);
    // 409 when any item was stale or refused: the body says, per item, which landed.
    return c.json({ results }, results.every((r) => r.ok) ? 200 : 409);
  });
  api.post(
    '/conflicts/:id/resolve',
    ...reviewGuard,
    id,
    zValidator('json', linkReviewJson, invalid),
    async (c) =>
      c.json(
        await resolveConflict(
          deps.db,
          c.get('user')!,
          { ...c.req.valid('json'), id: c.req.valid('param').id },
          settings,
        ),
      ),
  );
  api.post('/conflicts/:id/decide', ...reviewGuard, id, zValidator('json', decideJson, invalid), async (c) =>
    c.json(
      await decideProposal(deps.db, c.get('user')!, 'link', {
        ...c.req.valid('json'),
        id: c.req.valid('param').id,
      }),
    ),
  );
  api.post('/conflicts/:id/assign', ...reviewGuard, id, zValidator('json', assignJson, invalid), async (c) =>
    c.json(
      await assignConflict(deps.db, c.get('user')!, { ...c.req.valid('json'), id: c.req.valid('param').id }),
    ),
  );

  api.get('/articles', zValidator('query', pageQuery, invalid), async (c) =>
    c.json(await articleList(deps.db, c.req.valid('query'))),
  );
  api.post(
    '/articles',
    formCsrf(),
    requireRole('reviewer'),
    articleBodyLimit(),
    requireJson(),
    urlArticleJson(deps),
    zValidator('json', articleInput, invalid),
    async (c) => {
      const result = await addText(deps.db, c.req.valid('json'), {
        ingest: { crossReferenceLater: deps.crossReferenceLater, compute: deps.compute },
        later: deps.storeTextLater,
        actor: c.get('user')?.login ?? null,
      });
      if (result.status === 'queued') {
        // Extracted and stored from the queue (the Worker): the import says when, and as which article.
        const progress = `/api/imports/${result.importId}`;
        c.header('Location', progress);
        const message = `Received "${result.title}" (${result.outlet}); extracting its claims and storing it. GET ${progress} shows when it is stored: items[0].status ("stored", "duplicate" or "failed", with the reason) and items[0].articleId.`;
        return c.json({ ...result, progress, message }, 202);
      }
      if (result.status === 'duplicate') {
        const message = `This text was already ingested from this outlet (or under this URL): it is stored as article ${result.articleId}; nothing new was stored. Another outlet's reprint of it is stored as a wire copy.`;
        return c.json({ ...result, message }, 200);
      }
      if (result.crossReference === 'pending') {
        const message = `Stored ${result.claims} claims; comparing them with the archive. GET /api/articles/${result.articleId} shows its links when crossrefPending is false.`;
        return c.json({ ...result, message }, 201);
      }
      return c.json(result, 201);
    },
  );
  api.get('/articles/:id', id, async (c) => c.json(await articleDetail(deps.db, c.req.valid('param').id)));
  // A page on another site cannot send DELETE without a CORS preflight (never granted); the check
  // still refuses one a browser marks as foreign, like every other write.
  api.delete('/articles/:id', formCsrf(), requireRole('editor'), accountBodyLimit(), id, async (c) => {
    await deleteArticle(deps.db, c.req.valid('param').id, c.get('user')?.login ?? '');
    return c.body(null, 204);
  });

  api.get('/claims/:id', id, async (c) => c.json(await claimDetail(deps.db, c.req.valid('param').id)));
  api.post(
    '/claims/:id/status',
    ...reviewGuard,
    id,
    zValidator('json', claimReviewJson, invalid),
    async (c) =>
      c.json(
        await markClaim(
          deps.db,
          c.get('user')!,
          { ...c.req.valid('json'), id: c.req.valid('param').id },
          settings,
        ),
      ),
  );
  api.post('/claims/:id/decide', ...reviewGuard, id, zValidator('json', decideJson, invalid), async (c) =>
    c.json(
      await decideProposal(deps.db, c.get('user')!, 'claim', {
        ...c.req.valid('json'),
        id: c.req.valid('param').id,
      }),
    ),
  );

  api.route('/export', exportRoutes(deps));

  // Stores nothing, but it is a write route like the others: bounded, and never driven by another
  // site. The type is checked first, so a script that sends text gets 415 (what it got wrong), not 403.
  api.post(
    '/compare',
    compareBodyLimit(),
    requireJson(),
    formCsrf(),
    zValidator('json', compareInput, invalid),
    async (c) => {
      const { documents, explain } = c.req.valid('json');
      const json = await (deps.compute ?? inThreadCompute).compareJson(documents, { explain });
      return c.body(json, 200, { 'Content-Type': 'application/json' });
    },
  );
  return api;
}
