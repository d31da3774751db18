// Adding an article by its URL: the JSON API (POST /api/articles with `url` and no `text`) and the
// form (URL given, text left empty). Both validate here and call src/services/url-add.ts; anything
// with text goes on to the paste-the-text handlers unchanged. Where the entry stores pages later (the
// Worker's queue) the answer is 202 with a one-item import to follow, else 201 with the stored article.
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ArticleFormProps } from '../../views/partials/article-form';
import { UrlAddStatus } from '../../views/partials/url-add-status';
import { isHtmx } from '../responses/htmx';
import { fragment } from '../responses/render';
import { InputError } from '../services/errors';
import { addByUrl, type UrlAddResult } from '../services/url-add';
import { UrlAlreadyStoredError, type UrlIngestResult } from '../services/web-articles';
import type { AppDeps } from '../shared/app-env';
import * as z from '../shared/zod';
import { errorSummary, fieldErrors, optionalText, publishedAt } from './schemas';

export const urlArticleInput = z.object({
  url: z.string({ error: 'Give the article URL.' }).check(
    z.trim(),
    z.minLength(1, 'Give the article URL.'),
    z.maxLength(2000, 'The URL is too long (2,000 characters at most).'),
    z.refine(
      (s) => /^https?:\/\//i.test(s) && URL.canParse(s),
      'The URL must start with http:// or https://.',
    ),
  ),
  outlet: optionalText(200, 'The outlet name is too long (200 characters at most).'),
  title: optionalText(500, 'The title is too long (500 characters at most).'),
  publishedAt,
});

/** A body asks for add-by-URL when it has a URL and no text. */
const wantsUrl = (body: unknown): body is Record<string, unknown> =>
  !!body &&
  typeof body === 'object' &&
  typeof (body as Record<string, unknown>).url === 'string' &&
  String((body as Record<string, unknown>).url).trim() !== '' &&
  (typeof (body as Record<string, unknown>).text !== 'string' ||
    String((body as Record<string, unknown>).text).trim() === '');

function message(r: UrlIngestResult): string {
  if (r.status === 'duplicate')
    return `This text was already ingested as article ${r.articleId}; nothing new was stored.`;
  if (r.crossReference === 'pending')
    return `Stored ${r.claims} claims from ${r.url}; comparing them with the archive. GET /api/articles/${r.articleId} shows its links when crossrefPending is false.`;
  return `Stored ${r.claims} claims from ${r.url}: ${r.conflicts} conflicts, ${r.corroborations} corroborations.`;
}

function queuedMessage(r: Extract<UrlAddResult, { status: 'queued' }>): string {
  return `Read "${r.title}" (${r.outlet}) from ${r.url}; storing it and its claims. GET /api/imports/${r.importId} shows when it is stored: items[0].status ("stored", "duplicate" or "failed") and items[0].articleId.`;
}

/** The add, with what the app was given to do it with. */
const add = (deps: AppDeps, c: Context, input: Parameters<typeof addByUrl>[2]) =>
  addByUrl(deps.db, deps.webReader, input, {
    ingest: { crossReferenceLater: deps.crossReferenceLater, compute: deps.compute },
    later: deps.storePageLater,
    actor: c.get('user')?.login ?? null,
  });

/** For POST /api/articles, after the JSON checks: takes a url-only body, passes anything else on. */
export function urlArticleJson(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const body = await c.req.json().catch(() => null);
    if (!wantsUrl(body)) return next();
    const parsed = urlArticleInput.safeParse(body);
    if (!parsed.success)
      return c.json(
        { error: { status: 422, message: errorSummary(parsed.error), fields: fieldErrors(parsed.error) } },
        422,
      );
    try {
      const result = await add(deps, c, parsed.data);
      if (result.status === 'queued') {
        const progress = `/api/imports/${result.importId}`;
        c.header('Location', progress);
        return c.json({ ...result, progress, message: queuedMessage(result) }, 202);
      }
      return c.json({ ...result, message: message(result) }, result.status === 'duplicate' ? 200 : 201);
    } catch (err) {
      if (err instanceof UrlAlreadyStoredError)
        return c.json({ error: { status: 409, message: err.message, articleId: err.articleId } }, 409);
      throw err;
    }
  };
}

type FormResponse = (c: Context, status: 422 | 409, props: ArticleFormProps) => Promise<Response>;

/** For POST /articles, after the form checks: a URL with the text left empty is fetched. */
export function urlArticleForm(deps: AppDeps, formResponse: FormResponse): MiddlewareHandler {
  return async (c, next) => {
    const body = await c.req.parseBody().catch(() => null);
    // Hono keeps the failed parse, so the form validator after this would rethrow it as a 500: a body
    // that claims to be a form but is not one (broken multipart) is the client's mistake.
    if (!body) throw new HTTPException(400, { message: 'The form could not be read; send it again.' });
    if (!wantsUrl(body)) return next();
    const values = Object.fromEntries(
      Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const parsed = urlArticleInput.safeParse(body);
    if (!parsed.success)
      return formResponse(c, 422, {
        values,
        errors: fieldErrors(parsed.error),
        message: 'Nothing was stored: please fix the fields marked below.',
      });
    let result: UrlAddResult;
    try {
      result = await add(deps, c, parsed.data);
    } catch (err) {
      if (err instanceof UrlAlreadyStoredError)
        return formResponse(c, 409, { values, errors: { url: err.message }, existing: err.articleId });
      if (err instanceof InputError) return formResponse(c, 422, { values, errors: { url: err.message } });
      throw err;
    }
    if (result.status === 'queued') {
      if (!isHtmx(c)) return c.redirect(`/imports/${result.importId}`, 303);
      // The form stays as it is; its message box follows the store until the article is there.
      c.header('HX-Retarget', '#article-form-message');
      c.header('HX-Reswap', 'innerHTML');
      return fragment(
        c,
        <UrlAddStatus
          importId={result.importId}
          target={parsed.data.url}
          status="running"
          title={result.title}
          outlet={result.outlet}
        />,
        202,
      );
    }
    const target = `/articles/${result.articleId}?${result.status === 'duplicate' ? 'duplicate' : 'added'}=1`;
    if (isHtmx(c)) {
      c.header('HX-Redirect', target);
      return c.body(null, 200);
    }
    return c.redirect(target, 303);
  };
}
