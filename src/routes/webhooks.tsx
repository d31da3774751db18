// /webhooks and /api/webhooks — editors only: subscribe a URL to events, send a test, delete, and read
// each subscription's delivery log. Validation here; the work in src/services/webhooks.ts.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { WebhookList, WebhooksPage, type WebhooksPageProps } from '../../views/pages/webhooks';
import { requireRole } from '../auth/require-role';
import { requireForm, requireJson } from '../middleware/content-type';
import { accountBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { fragment, page, renderError } from '../responses/render';
import { InputError } from '../services/errors';
import {
  addWebhook,
  pingWebhook,
  removeWebhook,
  WEBHOOK_EVENTS,
  type WebhookEvent,
  webhookDeliveryLog,
  webhookViews,
} from '../services/webhooks';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import * as z from '../shared/zod';
import { errorSummary, fieldErrors, idParam } from './schemas';

const EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as [WebhookEvent, ...WebhookEvent[]];
const eventList = z
  .array(z.enum(EVENT_NAMES, { error: `Events are ${EVENT_NAMES.join(', ')}.` }), {
    error: 'Choose at least one event.',
  })
  .check(z.minLength(1, 'Choose at least one event.'));

export const webhookInput = z.object({
  url: z.string({ error: 'Give the URL to send to.' }).check(
    z.trim(),
    z.minLength(1, 'Give the URL to send to.'),
    z.maxLength(2000, 'The URL is too long (2,000 characters at most).'),
    z.refine(
      (s) => /^https?:\/\//i.test(s) && URL.canParse(s),
      'The URL must start with http:// or https://.',
    ),
  ),
  // A form sends one checkbox as a string, several as repeated fields.
  events: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), eventList),
});

export function webhookRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('editor'));
  const id = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : renderError(c, 404, 'There is no such webhook.'),
  );
  const render = async (
    c: Context<AppEnv>,
    extra: Partial<WebhooksPageProps> = {},
    status: 200 | 201 | 413 | 422 = 200,
  ) =>
    page(
      c,
      'Webhooks',
      <WebhooksPage
        hooks={await webhookViews(deps.db)}
        events={WEBHOOK_EVENTS}
        notice={extra.notice ?? (c.req.query('notice') || undefined)}
        {...extra}
      />,
      { status, nav: 'webhooks' },
    );
  const back = (c: Context, notice: string) =>
    c.redirect(`/webhooks?notice=${encodeURIComponent(notice)}`, 303);

  app.get('/', (c) => render(c));
  app.get('/list', async (c) =>
    fragment(c, <WebhookList hooks={await webhookViews(deps.db)} events={WEBHOOK_EVENTS} />),
  );
  app.post(
    '/',
    formCsrf(),
    accountBodyLimit((c, m) => render(c, { notice: m }, 413)),
    requireForm((c, m) => render(c, { notice: m }, 422)),
    async (c) => {
      const body = await c.req.parseBody({ all: true }).catch(() => null);
      if (!body) return render(c, { notice: 'The form could not be read; send it again.' }, 422);
      const raw = { url: body.url, events: body.events };
      const values = {
        url: typeof body.url === 'string' ? body.url : '',
        events: ([] as unknown[]).concat(body.events ?? []).filter((e): e is string => typeof e === 'string'),
      };
      const parsed = webhookInput.safeParse(raw);
      if (!parsed.success) {
        // One message per field: an unknown event ("events.1") is shown at the events.
        const errors: Record<string, string> = {};
        for (const [k, m] of Object.entries(fieldErrors(parsed.error))) errors[k.split('.')[0]!] ??= m;
        return render(c, { errors, values }, 422);
      }
      try {
        const { webhook, secret } = await addWebhook(
          deps.db,
          deps.webReader?.policy,
          parsed.data,
          c.get('user')?.login,
        );
        return render(c, { created: { id: webhook.id, secret } }, 201);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return render(c, { errors: { url: err.message }, values }, 422);
      }
    },
  );
  app.post('/:id/test', formCsrf(), accountBodyLimit(), id, async (c) => {
    const delivery = await pingWebhook(deps.db, c.req.valid('param').id, c.get('user')?.login);
    return back(c, `Test delivery #${delivery} queued; its outcome shows in the log below within seconds.`);
  });
  app.post('/:id/delete', formCsrf(), accountBodyLimit(), id, async (c) => {
    await removeWebhook(deps.db, c.req.valid('param').id);
    return back(c, 'The webhook was deleted with its delivery log.');
  });
  return app;
}

export function webhookApiRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  api.use('*', requireRole('editor'));
  const id = zValidator('param', idParam, (r, c) =>
    r.success ? undefined : c.json({ error: { status: 404, message: 'No such id.' } }, 404),
  );
  api.get('/', async (c) => c.json(await webhookViews(deps.db)));
  api.get('/:id/deliveries', id, async (c) =>
    c.json(await webhookDeliveryLog(deps.db, c.req.valid('param').id)),
  );
  api.post(
    '/',
    formCsrf(),
    accountBodyLimit(),
    requireJson(),
    zValidator('json', webhookInput, (r, c) =>
      r.success
        ? undefined
        : c.json(
            { error: { status: 422, message: errorSummary(r.error), fields: fieldErrors(r.error) } },
            422,
          ),
    ),
    async (c) => {
      const { webhook, secret } = await addWebhook(
        deps.db,
        deps.webReader?.policy,
        c.req.valid('json'),
        c.get('user')?.login,
      );
      const { secret: _stored, ...shown } = webhook;
      return c.json({ ...shown, events: webhook.events.split(','), secret }, 201);
    },
  );
  api.post('/:id/test', formCsrf(), accountBodyLimit(), id, async (c) =>
    c.json({ deliveryId: await pingWebhook(deps.db, c.req.valid('param').id, c.get('user')?.login) }, 202),
  );
  api.delete('/:id', formCsrf(), accountBodyLimit(), id, async (c) => {
    await removeWebhook(deps.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
  return api;
}
