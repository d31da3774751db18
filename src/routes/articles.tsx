// /articles — the list, the "Add article" form and its POST, and one article with highlighted claims.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { ArticlePage } from '../../views/pages/article';
import { ArticleNewPage } from '../../views/pages/article-new';
import { ArticlesPage } from '../../views/pages/articles';
import type { ArticleFormProps, ArticleFormValues } from '../../views/partials/article-form';
import { ArticleForm } from '../../views/partials/article-form';
import { CrossrefPending } from '../../views/partials/crossref-pending';
import { UrlAddStatus } from '../../views/partials/url-add-status';
import { requireRole } from '../auth/require-role';
import { requireForm } from '../middleware/content-type';
import { accountBodyLimit, articleBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { isHtmx } from '../responses/htmx';
import { fragment, page, renderError } from '../responses/render';
import { articleCrossrefState, articleDetail, articleList, knownOutlets } from '../services/articles';
import { deleteArticle } from '../services/delete-article';
import { InputError } from '../services/errors';
import { addText } from '../services/text-add';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { hasRole } from '../shared/user';
import { articleInput, fieldErrors, idParam, pageQuery } from './schemas';
import { urlArticleForm } from './url-articles';

type FormStatus = 409 | 413 | 415 | 422;

/** Re-reads the submitted fields (Hono caches the parsed body) so the form keeps what was typed. */
async function submittedValues(c: Context): Promise<ArticleFormValues> {
  const ct = c.req.header('content-type') ?? '';
  if (!/multipart\/form-data|x-www-form-urlencoded/i.test(ct)) return {};
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  return {
    outlet: text('outlet'),
    title: text('title'),
    url: text('url'),
    publishedAt: text('publishedAt'),
    text: text('text'),
    format: text('format'),
  };
}

export function articleRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  async function formResponse(c: Context, status: FormStatus, props: ArticleFormProps) {
    const outlets = await knownOutlets(deps.db);
    if (isHtmx(c)) {
      // A 413 is retargeted by the form (hx-status:413) to its message box, keeping the pasted text.
      if (status === 413)
        return fragment(
          c,
          <p class="error" role="alert">
            {props.message}
          </p>,
          status,
        );
      return fragment(c, <ArticleForm {...props} outlets={outlets} />, status);
    }
    return page(c, 'Add article', <ArticleNewPage {...props} outlets={outlets} />, { nav: 'new', status });
  }

  app.get('/', zValidator('query', pageQuery), async (c) => {
    const { items, deletions } = await articleList(deps.db, c.req.valid('query'));
    return page(c, 'Articles', <ArticlesPage items={items} deletions={deletions} />, { nav: 'articles' });
  });

  app.get('/new', requireRole('reviewer'), async (c) => {
    const outlets = await knownOutlets(deps.db);
    return page(c, 'Add article', <ArticleNewPage outlets={outlets} />, { nav: 'new' });
  });

  app.post(
    '/',
    // A forged cross-site post is refused as such first; who may ingest is checked before the (up to 2 MB) body is read.
    formCsrf(),
    requireRole('reviewer'),
    articleBodyLimit((c, message) => formResponse(c, 413, { message })),
    requireForm((c, message) => formResponse(c, 415, { message })),
    urlArticleForm(deps, formResponse),
    zValidator('form', articleInput, async (r, c) => {
      if (r.success) return;
      return formResponse(c, 422, {
        values: await submittedValues(c),
        errors: fieldErrors(r.error),
        message: 'Nothing was stored: please fix the fields marked below.',
      });
    }),
    async (c) => {
      const input = c.req.valid('form');
      let result: Awaited<ReturnType<typeof addText>>;
      try {
        result = await addText(deps.db, input, {
          ingest: { crossReferenceLater: deps.crossReferenceLater, compute: deps.compute },
          later: deps.storeTextLater,
          actor: c.get('user')?.login ?? null,
        });
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return formResponse(c, 422, { values: await submittedValues(c), errors: { text: err.message } });
      }
      if (result.status === 'queued') {
        // Extracted and stored from the queue (the Worker): the form's message box follows the import.
        if (!isHtmx(c)) return c.redirect(`/imports/${result.importId}`, 303);
        c.header('HX-Retarget', '#article-form-message');
        c.header('HX-Reswap', 'innerHTML');
        return fragment(
          c,
          <UrlAddStatus
            importId={result.importId}
            target={result.url ?? result.title}
            status="running"
            title={result.title}
            outlet={result.outlet}
            pasted
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
    },
  );

  app.get(
    '/:id',
    zValidator('param', idParam, (r, c) =>
      r.success ? undefined : renderError(c, 404, 'There is no such article.'),
    ),
    async (c) => {
      const article = await articleDetail(deps.db, c.req.valid('param').id);
      const conflicts = article.links.filter((l) => l.relation !== 'corroboration').length;
      const notice =
        c.req.query('duplicate') !== undefined
          ? 'This text was already ingested from this outlet (or under this URL): this is the existing article, and nothing new was stored.'
          : c.req.query('added') !== undefined && !article.crossrefPending
            ? `Stored: ${article.claims.length} ${article.claims.length === 1 ? 'claim' : 'claims'} extracted, ${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'} found.`
            : undefined;
      const canDelete = hasRole(c.get('user'), 'editor');
      return page(c, article.title, <ArticlePage article={article} notice={notice} canDelete={canDelete} />, {
        nav: 'articles',
      });
    },
  );

  // The pending notice's poll (views/partials/crossref-pending.tsx): the notice again while pending,
  // then a reload of the article page, which shows the links.
  app.get(
    '/:id/crossref',
    zValidator('param', idParam, (r, c) =>
      r.success ? undefined : renderError(c, 404, 'There is no such article.'),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const state = await articleCrossrefState(deps.db, id);
      if (state.pending && isHtmx(c))
        return fragment(c, <CrossrefPending articleId={id} claims={state.claims} />);
      if (isHtmx(c)) {
        c.header('HX-Refresh', 'true');
        return c.body(null, 200);
      }
      return c.redirect(`/articles/${id}`, 303);
    },
  );

  // The article page's confirm form (editors only). The body is empty: the id is in the path.
  app.post(
    '/:id/delete',
    formCsrf(),
    requireRole('editor'),
    accountBodyLimit((c, message) => renderError(c, 413, message)),
    zValidator('param', idParam, (r, c) =>
      r.success ? undefined : renderError(c, 404, 'There is no such article.'),
    ),
    async (c) => {
      await deleteArticle(deps.db, c.req.valid('param').id, c.get('user')?.login ?? '');
      if (isHtmx(c)) {
        c.header('HX-Redirect', '/articles?deleted=1');
        return c.body(null, 200);
      }
      return c.redirect('/articles?deleted=1', 303);
    },
  );
  return app;
}
