// /imports and /api/imports — bulk imports: start one (URLs, an OPML file, a JSON manifest), follow its
// progress (the page asks for /imports/:id/progress every second while it runs). Validation here; the
// parsing in src/services/import-sources.ts, the work in src/services/imports.ts.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { ImportPage, ImportsPage } from '../../views/pages/imports';
import { ImportProgressView } from '../../views/partials/import-progress';
import { UrlAddStatus } from '../../views/partials/url-add-status';
import { requireRole } from '../auth/require-role';
import { requireForm, requireJson } from '../middleware/content-type';
import { articleBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { page, pageOrFragment, renderError } from '../responses/render';
import { InputError } from '../services/errors';
import { type ImportSource, importSource, manifestList, opmlList, urlList } from '../services/import-sources';
import { createImport, importProgress, recentImports, runImport } from '../services/imports';
import { TEXT_KIND } from '../services/text-add';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { hasRole } from '../shared/user';
import * as z from '../shared/zod';
import { feedInterval } from './feeds';
import { errorSummary, fieldErrors, idParam, type ValidationError } from './schemas';

/** The JSON API's body: exactly one of urls, opml, manifest. */
export const importJson = z
  .object({
    urls: z.optional(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(5000))),
    opml: z.optional(z.string()),
    manifest: z.optional(z.array(z.unknown())),
    intervalMinutes: feedInterval,
  })
  .check(
    z.refine((b) => [b.urls, b.opml, b.manifest].filter((x) => x !== undefined).length === 1, {
      message: 'Send exactly one of "urls" (an array of URLs), "opml" (the OPML file as text) or "manifest".',
    }),
  );

/** Runs a stored import: handed to the entry's runner when it has one, else here, before the answer. */
async function start(deps: AppDeps, job: { id: number; total: number }, actor: string | null) {
  const jobId = job.id;
  if (deps.importLater)
    return deps.importLater(
      jobId,
      Array.from({ length: job.total }, (_, k) => k + 1),
    );
  await runImport(
    {
      db: deps.db,
      reader: deps.webReader,
      ingest: { crossReferenceLater: deps.crossReferenceLater, compute: deps.compute },
      actor,
    },
    jobId,
  );
}

export function importRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const id = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such import.'),
  );
  const list = async (
    c: Context<AppEnv>,
    extra: { errors?: Record<string, string>; values?: Record<string, string> } = {},
    status: 200 | 413 | 422 = 200,
  ) =>
    page(
      c,
      'Bulk import',
      <ImportsPage
        imports={await recentImports(deps.db)}
        canImport={hasRole(c.get('user'), 'reviewer')}
        {...extra}
      />,
      { status },
    );

  app.get('/', (c) => list(c));
  app.post(
    '/',
    formCsrf(),
    requireRole('reviewer'),
    articleBodyLimit((c, m) => list(c, { errors: { file: m } }, 413)),
    requireForm((c, m) => list(c, { errors: { file: m } }, 422)),
    async (c) => {
      const body = await c.req.parseBody().catch(() => null);
      if (!body) return list(c, { errors: { file: 'The form could not be read; send it again.' } }, 422);
      const urls = typeof body.urls === 'string' ? body.urls : '';
      const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
      const values = {
        urls,
        intervalMinutes: typeof body.intervalMinutes === 'string' ? body.intervalMinutes : '',
      };
      const minutes = feedInterval.safeParse(body.intervalMinutes);
      if (!minutes.success)
        return list(
          c,
          { values, errors: { intervalMinutes: errorSummary(minutes.error as ValidationError) } },
          422,
        );
      if (file && urls.trim())
        return list(c, { values, errors: { urls: 'Give the URLs here or a file, not both.' } }, 422);
      if (!file && !urls.trim())
        return list(c, { values, errors: { urls: 'Give some URLs, or choose a file.' } }, 422);
      let source: ImportSource;
      try {
        source = file ? importSource(await file.text(), file.name) : urlList(urls);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return list(c, { values, errors: { [file ? 'file' : 'urls']: err.message } }, 422);
      }
      const actor = c.get('user')?.login ?? null;
      const job = await createImport(deps.db, source, { actor, intervalMinutes: minutes.data });
      await start(deps, job, actor);
      return c.redirect(`/imports/${job.id}`, 303);
    },
  );
  app.get('/:id', id, async (c) => {
    const p = await importProgress(deps.db, c.req.valid('param').id);
    return page(c, `Import ${p.job.id}`, <ImportPage p={p} />);
  });
  app.get('/:id/progress', id, async (c) => {
    const p = await importProgress(deps.db, c.req.valid('param').id);
    const item = p.items[0];
    // An article added by URL from the form (url-articles.tsx) follows its one item there.
    const fragmentOf =
      c.req.query('view') === 'add' && item
        ? () => (
            <UrlAddStatus
              importId={p.job.id}
              target={item.target}
              status={item.status}
              articleId={item.articleId}
              reason={item.reason}
              pasted={p.job.kind === TEXT_KIND}
            />
          )
        : () => <ImportProgressView p={p} />;
    return pageOrFragment(c, `Import ${p.job.id}`, () => <ImportPage p={p} />, fragmentOf);
  });
  return app;
}

const progressJson = (p: Awaited<ReturnType<typeof importProgress>>) => ({
  id: p.job.id,
  kind: p.job.kind,
  label: p.job.label,
  createdBy: p.job.createdBy,
  createdAt: p.job.createdAt,
  finishedAt: p.job.finishedAt,
  finished: p.finished,
  total: p.total,
  done: p.done,
  counts: p.counts,
  current: p.current,
  failures: p.failures,
  items: p.items.map(({ payload: _payload, ...i }) => i),
});

export function importApiRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  const id = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : c.json({ error: { status: 404, message: 'No such id.' } }, 404),
  );
  api.get('/', async (c) => c.json(await recentImports(deps.db)));
  api.get('/:id', id, async (c) =>
    c.json(progressJson(await importProgress(deps.db, c.req.valid('param').id))),
  );
  api.post(
    '/',
    formCsrf(),
    requireRole('reviewer'),
    articleBodyLimit(),
    requireJson(),
    zValidator('json', importJson, (r, c) =>
      r.success
        ? undefined
        : c.json(
            { error: { status: 422, message: errorSummary(r.error), fields: fieldErrors(r.error) } },
            422,
          ),
    ),
    async (c) => {
      const body = c.req.valid('json');
      // InputError (a line that is no URL, an empty OPML, a bad manifest entry) answers 422, nothing stored.
      const source = body.urls
        ? urlList(body.urls.join('\n'))
        : body.opml !== undefined
          ? opmlList(body.opml)
          : manifestList(JSON.stringify(body.manifest));
      const actor = c.get('user')?.login ?? null;
      const job = await createImport(deps.db, source, { actor, intervalMinutes: body.intervalMinutes });
      await start(deps, job, actor);
      c.header('Location', `/api/imports/${job.id}`);
      return c.json(progressJson(await importProgress(deps.db, job.id)), 202);
    },
  );
  return api;
}
