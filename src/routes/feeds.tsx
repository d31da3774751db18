// /feeds and /api/feeds — subscriptions: list, add (and poll at once), OPML import, poll now, delete.
// Validation here, the work in src/services/feeds.ts.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { feedById, feedItemsOf, itemCounts, listFeeds } from '../../db/queries/feeds';
import { FeedItemsPage, FeedsPage, FeedsTable, type FeedView } from '../../views/pages/feeds';
import { requireRole } from '../auth/require-role';
import { requireForm, requireJson } from '../middleware/content-type';
import { accountBodyLimit, articleBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { fragment, page, renderError } from '../responses/render';
import { InputError, NotFoundError } from '../services/errors';
import {
  addFeed,
  FeedExistsError,
  importOpml,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  pollAndAdd,
  removeFeed,
} from '../services/feeds';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { hasRole } from '../shared/user';
import * as z from '../shared/zod';
import { errorSummary, fieldErrors, idParam, type ValidationError } from './schemas';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A feed's poll interval in minutes (forms and JSON; the imports page takes it for an OPML file's feeds). */
export const feedInterval = z.preprocess(
  blank,
  z.optional(
    z.coerce
      .number({ error: 'Give the interval in minutes.' })
      .check(
        z.int('Give the interval in whole minutes.'),
        z.minimum(MIN_INTERVAL_MINUTES, `Poll at most every ${MIN_INTERVAL_MINUTES} minutes.`),
        z.maximum(MAX_INTERVAL_MINUTES, 'Poll at least once a week.'),
      ),
  ),
);
export const feedInput = z.object({
  url: z.string({ error: 'Give the feed URL.' }).check(
    z.trim(),
    z.minLength(1, 'Give the feed URL.'),
    z.maxLength(2000, 'The URL is too long (2,000 characters at most).'),
    z.refine(
      (s) => /^https?:\/\//i.test(s) && URL.canParse(s),
      'The URL must start with http:// or https://.',
    ),
  ),
  intervalMinutes: feedInterval,
  outlet: z.preprocess(
    blank,
    z.optional(z.string().check(z.trim(), z.maxLength(200, 'The outlet name is too long.'))),
  ),
});

async function feedViews(deps: AppDeps): Promise<FeedView[]> {
  const [feeds, counts] = await Promise.all([listFeeds(deps.db), itemCounts(deps.db)]);
  return feeds.map((f) => ({ ...f, items: counts.get(f.id) ?? {} }));
}

const pollOptions = (deps: AppDeps) => ({
  later: deps.feedItemsLater,
  ingest: { crossReferenceLater: deps.crossReferenceLater, compute: deps.compute },
});

function pollNotice(r: Awaited<ReturnType<typeof pollAndAdd>>): string {
  if (r.status === 'error')
    return `The poll failed: ${r.error} It is polled again at its interval; delete it if the URL is wrong.`;
  if (r.status === 'not-modified') return 'The feed has not changed since the last poll.';
  if (r.status === 'skipped') return 'The feed is being polled already.';
  if (r.newItems.length === 0) return 'Polled: no new items.';
  if (!r.added) return `Polled: ${r.newItems.length} new items, being added now.`;
  const failed = r.added.filter((a) => a.status === 'failed').length;
  return `Polled: ${r.newItems.length} new items, ${r.added.filter((a) => a.status === 'stored').length} stored, ${failed} failed.`;
}

export function feedRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const id = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such feed.'),
  );

  const render = async (
    c: Context,
    extra: Partial<Parameters<typeof FeedsPage>[0]> = {},
    status: 200 | 409 | 413 | 422 = 200,
  ) => {
    const user = c.get('user');
    return page(
      c,
      'Feeds',
      <FeedsPage
        feeds={await feedViews(deps)}
        canEdit={hasRole(user, 'reviewer')}
        canDelete={hasRole(user, 'editor')}
        notice={extra.notice ?? (c.req.query('notice') || undefined)}
        noticeTone={extra.noticeTone ?? (c.req.query('tone') === 'warning' ? 'warning' : undefined)}
        {...extra}
      />,
      { status, nav: 'feeds' },
    );
  };

  app.get('/', (c) => render(c));
  app.get('/table', async (c) => {
    const user = c.get('user');
    return fragment(
      c,
      <FeedsTable
        feeds={await feedViews(deps)}
        canEdit={hasRole(user, 'reviewer')}
        canDelete={hasRole(user, 'editor')}
      />,
    );
  });
  app.get('/:id', id, async (c) => {
    const feed = await feedById(deps.db, c.req.valid('param').id);
    if (!feed) throw new NotFoundError('There is no such feed.');
    return page(
      c,
      feed.title ?? feed.url,
      <FeedItemsPage feed={feed} items={await feedItemsOf(deps.db, feed.id)} />,
    );
  });

  // A failed poll's notice is shown as a warning, not in the colour of success.
  const back = (c: Context, notice: string, warning = false) =>
    c.redirect(`/feeds?notice=${encodeURIComponent(notice)}${warning ? '&tone=warning' : ''}`, 303);

  app.post(
    '/',
    formCsrf(),
    requireRole('reviewer'),
    accountBodyLimit((c, message) => render(c, { notice: message }, 413)),
    requireForm((c, message) => render(c, { notice: message }, 422)),
    zValidator('form', feedInput, async (r, c) => {
      if (r.success) return;
      const values = Object.fromEntries(
        Object.entries(await c.req.parseBody()).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
      return render(c, { errors: fieldErrors(r.error), values }, 422);
    }),
    async (c) => {
      const input = c.req.valid('form');
      let feed: Awaited<ReturnType<typeof addFeed>>;
      try {
        feed = await addFeed(deps.db, deps.webReader?.policy, input, c.get('user')?.login);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        const values = {
          url: input.url,
          intervalMinutes: String(input.intervalMinutes ?? ''),
          outlet: input.outlet ?? '',
        };
        return render(
          c,
          { errors: { url: err.message }, values },
          err instanceof FeedExistsError ? 409 : 422,
        );
      }
      if (!deps.webReader) return back(c, `Subscribed to ${feed.url}; the scheduler polls it.`);
      const r = await pollAndAdd(deps.db, deps.webReader, feed.id, pollOptions(deps));
      return back(c, `Subscribed to ${feed.url}. ${pollNotice(r)}`, r.status === 'error');
    },
  );

  app.post(
    '/opml',
    formCsrf(),
    requireRole('reviewer'),
    articleBodyLimit((c, m) => render(c, { notice: m }, 413)),
    requireForm((c, m) => render(c, { notice: m }, 422)),
    async (c) => {
      // A body that claims to be a form but cannot be read (broken multipart) is the client's mistake.
      const body = await c.req.parseBody().catch(() => null);
      if (!body) return render(c, { errors: { file: 'The form could not be read; send it again.' } }, 422);
      const file = body.file;
      const text = file instanceof File ? await file.text() : typeof file === 'string' ? file : '';
      if (!text.trim()) return render(c, { errors: { file: 'Choose an OPML file.' } }, 422);
      const minutes = feedInterval.safeParse(body.intervalMinutes);
      if (!minutes.success) return render(c, { notice: errorSummary(minutes.error as ValidationError) }, 422);
      try {
        const r = await importOpml(deps.db, deps.webReader?.policy, text, minutes.data, c.get('user')?.login);
        const skipped = r.skipped.map((s) => `${s.url}: ${s.reason}`).join(' ');
        return back(
          c,
          `Imported ${r.added.length} feeds${r.skipped.length ? `; skipped ${r.skipped.length}. ${skipped}` : ''}. They are polled within a minute.`,
        );
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return render(c, { errors: { file: err.message } }, 422);
      }
    },
  );

  app.post('/:id/poll', formCsrf(), requireRole('reviewer'), accountBodyLimit(), id, async (c) => {
    const r = await pollAndAdd(deps.db, deps.webReader, c.req.valid('param').id, pollOptions(deps));
    return back(c, pollNotice(r), r.status === 'error');
  });

  app.post('/:id/delete', formCsrf(), requireRole('editor'), accountBodyLimit(), id, async (c) => {
    await removeFeed(deps.db, c.req.valid('param').id);
    return back(c, 'The feed was deleted; the articles it brought in stay.');
  });
  return app;
}

const invalid = (r: { success: boolean; error?: ValidationError }, c: Context) => {
  if (r.success || !r.error) return;
  return c.json(
    { error: { status: 422, message: errorSummary(r.error), fields: fieldErrors(r.error) } },
    422,
  );
};

export function feedApiRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  const id = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : c.json({ error: { status: 404, message: 'No such id.' } }, 404),
  );

  api.get('/', async (c) => c.json(await feedViews(deps)));
  api.get('/:id', id, async (c) => {
    const feed = await feedById(deps.db, c.req.valid('param').id);
    if (!feed) throw new NotFoundError('There is no such feed.');
    return c.json({ ...feed, items: await feedItemsOf(deps.db, feed.id) });
  });
  api.post(
    '/',
    formCsrf(),
    requireRole('reviewer'),
    accountBodyLimit(),
    requireJson(),
    zValidator('json', feedInput, invalid),
    async (c) => {
      try {
        const feed = await addFeed(
          deps.db,
          deps.webReader?.policy,
          c.req.valid('json'),
          c.get('user')?.login,
        );
        const poll = deps.webReader
          ? await pollAndAdd(deps.db, deps.webReader, feed.id, pollOptions(deps))
          : null;
        return c.json({ feed: (await feedById(deps.db, feed.id)) ?? feed, poll }, 201);
      } catch (err) {
        if (err instanceof FeedExistsError)
          return c.json({ error: { status: 409, message: err.message, feedId: err.feed.id } }, 409);
        throw err;
      }
    },
  );
  // The OPML file as the body (text/xml, application/xml, text/x-opml), or JSON {"opml": "...", "intervalMinutes"?}.
  api.post('/opml', formCsrf(), requireRole('reviewer'), articleBodyLimit(), async (c) => {
    const type = c.req.header('content-type') ?? '';
    let opml: string;
    let minutes: number | undefined;
    if (/json/i.test(type)) {
      const body = (await c.req.json().catch(() => null)) as {
        opml?: unknown;
        intervalMinutes?: unknown;
      } | null;
      if (typeof body?.opml !== 'string')
        throw new InputError('Send {"opml": "<opml…>"} or the OPML file itself as text/xml.');
      opml = body.opml;
      const m = feedInterval.safeParse(body.intervalMinutes);
      if (!m.success) return invalid(m as { success: false; error: ValidationError }, c)!;
      minutes = m.data;
    } else if (/xml|opml/i.test(type)) opml = await c.req.text();
    else
      return c.json(
        { error: { status: 415, message: 'Send the OPML file as text/xml, or JSON {"opml": "..."}.' } },
        415,
      );
    const r = await importOpml(deps.db, deps.webReader?.policy, opml, minutes, c.get('user')?.login);
    return c.json({ added: r.added.length, feeds: r.added, skipped: r.skipped });
  });
  api.post('/:id/poll', formCsrf(), requireRole('reviewer'), accountBodyLimit(), id, async (c) =>
    c.json(await pollAndAdd(deps.db, deps.webReader, c.req.valid('param').id, pollOptions(deps))),
  );
  api.delete('/:id', formCsrf(), requireRole('editor'), accountBodyLimit(), id, async (c) => {
    await removeFeed(deps.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
  return api;
}
