// /api/export/* — ClaimReview JSON-LD for reviewed claims, and claims/conflicts with history as CSV or JSON.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { claimReviewExport } from '../services/claimreview-jsonld';
import { claimsCsv, claimsExport, conflictsCsv, conflictsExport } from '../services/exports';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { publicOrigin } from './public-origin';
import { claimExportQuery, conflictExportQuery } from './review-schemas';
import { errorSummary, pageQuery, type ValidationError } from './schemas';

const invalid = (r: { success: boolean; error?: ValidationError }, c: Context) =>
  r.success || !r.error ? undefined : c.json({ error: { status: 422, message: errorSummary(r.error) } }, 422);

/** The next page's URL (same filters, offset moved on), as an RFC 8288 Link header. */
function linkNext(c: Context, offset: number) {
  const next = new URL(c.req.url);
  next.searchParams.set('offset', String(offset));
  c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
}

function download(c: Context, name: string, body: string, type: string) {
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(body, 200, { 'Content-Type': type });
}

export function exportRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  const settings = deps.settings ?? {};
  const origin = (c: Context) => publicOrigin(c, settings);

  api.get('/claimreview', zValidator('query', pageQuery, invalid), async (c) => {
    const page = c.req.valid('query');
    const { body, more } = await claimReviewExport(deps.db, page, settings, origin(c));
    if (more) linkNext(c, page.offset + page.limit);
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/ld+json; charset=utf-8' });
  });

  api.get('/claims.json', zValidator('query', claimExportQuery, invalid), async (c) => {
    const query = c.req.valid('query');
    const { items, more } = await claimsExport(deps.db, query, origin(c));
    if (more) linkNext(c, query.offset + query.limit);
    return c.json({ items, query });
  });
  api.get('/claims.csv', zValidator('query', claimExportQuery, invalid), async (c) => {
    const query = c.req.valid('query');
    const exported = await claimsExport(deps.db, query, origin(c));
    if (exported.more) linkNext(c, query.offset + query.limit);
    return download(c, 'claims.csv', claimsCsv(exported), 'text/csv; charset=utf-8');
  });

  api.get('/conflicts.json', zValidator('query', conflictExportQuery, invalid), async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await conflictsExport(deps.db, query, c.get('user'), origin(c));
    if (query.offset + items.length < total) linkNext(c, query.offset + query.limit);
    return c.json({ items, total, query });
  });
  api.get('/conflicts.csv', zValidator('query', conflictExportQuery, invalid), async (c) => {
    const query = c.req.valid('query');
    const exported = await conflictsExport(deps.db, query, c.get('user'), origin(c));
    if (query.offset + exported.items.length < exported.total) linkNext(c, query.offset + query.limit);
    return download(c, 'conflicts.csv', conflictsCsv(exported), 'text/csv; charset=utf-8');
  });
  return api;
}
