// /compare — paste 2–20 texts (a plain form) and see their facts on number lines and where they differ;
// nothing is stored (the page twin of POST /api/compare).
import type { Context } from 'hono';
import { type CompareFormValues, ComparePage } from '../../views/pages/compare';
import { requireForm } from '../middleware/content-type';
import { compareBodyLimit, MAX_COMPARE_DOCUMENTS } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { page } from '../responses/render';
import { compareForPage } from '../services/compare-page';
import { InputError } from '../services/errors';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { compareInput } from './schemas';

const MIN_BOXES = 3;

const boxesOf = (raw: string | undefined, filled = 0) =>
  Math.min(MAX_COMPARE_DOCUMENTS, Math.max(MIN_BOXES, filled, Number.parseInt(raw ?? '', 10) || 0));

function render(
  c: Context<AppEnv>,
  status: 200 | 400 | 413 | 415 | 422,
  props: Omit<Parameters<typeof ComparePage>[0], 'max' | 'boxes'> & { boxes?: number },
) {
  return page(
    c,
    'Compare texts',
    <ComparePage max={MAX_COMPARE_DOCUMENTS} boxes={props.boxes ?? MIN_BOXES} {...props} />,
    { nav: 'compare', status },
  );
}

export function compareRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => render(c, 200, { boxes: boxesOf(c.req.query('boxes')) }));
  app.post(
    '/',
    formCsrf(),
    compareBodyLimit((c, message) => render(c as Context<AppEnv>, 413, { message })),
    requireForm((c, message) => render(c as Context<AppEnv>, 415, { message })),
    async (c) => {
      // A body that says it is a form but is not one (a broken multipart boundary) is the sender's error.
      const form = await c.req.parseBody().catch(() => null);
      if (form === null)
        return render(c, 400, {
          message: 'Nothing was compared: the form could not be read. Send it again.',
        });
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
      const values: CompareFormValues = { sources: [], texts: [] };
      for (let i = 1; i <= MAX_COMPARE_DOCUMENTS; i++) {
        values.sources.push(field(`source_${i}`));
        values.texts.push(field(`text_${i}`));
      }
      const last = values.texts.reduce((n, t, i) => (t.trim() || values.sources[i]?.trim() ? i + 1 : n), 0);
      const boxes = boxesOf(undefined, last);
      const documents = values.texts.flatMap((text, i) =>
        text.trim()
          ? [{ id: `text${i + 1}`, source: values.sources[i]?.trim() || `Text ${i + 1}`, text }]
          : [],
      );
      const parsed = compareInput.safeParse({ documents });
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? 'Paste at least two texts.';
        return render(c, 422, { boxes, values, message: `Nothing was compared: ${message}` });
      }
      try {
        return render(c, 200, { boxes, values, result: compareForPage(parsed.data.documents) });
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return render(c, 422, { boxes, values, message: err.message });
      }
    },
  );
  return app;
}
