// /webhooks (editors): the subscriptions, each with its delivery log (every event sent or to be sent:
// attempts, the receiver's last answer, the next retry), the form to add one, and — once, right after
// adding — the new subscription's signing secret. While a delivery waits, the list asks again every 3 s.
import { formatDate } from '../components/format';
import type { WebhookView } from '../types';

export interface WebhooksPageProps {
  hooks: WebhookView[];
  events: Record<string, string>;
  errors?: Record<string, string>;
  values?: { url?: string; events?: string[] };
  notice?: string;
  /** Just created: its id and secret, shown this once. */
  created?: { id: number; secret: string };
}

function outcome(d: WebhookView['deliveries'][number]): string {
  const answer = d.lastStatus ? `HTTP ${d.lastStatus}` : d.lastError ? 'no answer' : '';
  const tries = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
  if (d.status === 'delivered') return `delivered (${answer}) after ${tries}`;
  if (d.status === 'failed') return `failed after ${tries}`;
  return d.attempts === 0
    ? 'waiting to be sent'
    : `retrying: ${tries} so far, next at ${formatDate(d.nextAttemptAt)} UTC`;
}

export function WebhookList({ hooks, events }: Pick<WebhooksPageProps, 'hooks' | 'events'>) {
  const waiting = hooks.some((h) => h.deliveries.some((d) => d.status === 'pending'));
  const poll = waiting
    ? { 'hx-get': '/webhooks/list', 'hx-trigger': 'every 3s', 'hx-swap': 'outerHTML' }
    : {};
  return (
    <div id="webhook-list" {...poll}>
      {hooks.length === 0 ? <p class="muted">No webhooks yet.</p> : null}
      {hooks.map((h) => (
        <section class="card webhook" id={`webhook-${h.id}`}>
          <h2 class="webhook-url">{h.url}</h2>
          <p class="muted">
            {h.events.map((e) => events[e] ?? e).join('; ')} · added {formatDate(h.createdAt)} UTC
            {h.createdBy ? ` by ${h.createdBy}` : ''}
          </p>
          <div class="actions">
            <form method="post" action={`/webhooks/${h.id}/test`}>
              <button type="submit" class="btn">
                Send a test
              </button>
            </form>
            <form method="post" action={`/webhooks/${h.id}/delete`}>
              <button type="submit" class="btn btn-danger">
                Delete
              </button>
            </form>
          </div>
          <h3>Deliveries</h3>
          {h.deliveries.length === 0 ? (
            <p class="muted">Nothing sent yet.</p>
          ) : (
            <ol class="delivery-log" reversed>
              {h.deliveries.map((d) => (
                <li class={`delivery delivery-${d.status}`}>
                  <strong>{d.event}</strong> <span class="muted">#{d.id}</span> · {formatDate(d.createdAt)}{' '}
                  UTC · <span class={`delivery-outcome outcome-${d.status}`}>{outcome(d)}</span>
                  {d.lastError ? <span class="delivery-error">{d.lastError}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

export function WebhooksPage({
  hooks,
  events,
  errors = {},
  values = {},
  notice,
  created,
}: WebhooksPageProps) {
  const chosen = new Set(values.events ?? Object.keys(events));
  return (
    <>
      <h1>Webhooks</h1>
      <p class="lede">
        crosscheck POSTs a signed JSON body to each URL for the events it subscribes to, so alerts can reach a
        chat tool or another service. A delivery that is not answered with 2xx is retried after 1 min, 5 min,
        30 min, 2 h and 12 h. Each request carries <code>X-Crosscheck-Signature: sha256=…</code>, an
        HMAC-SHA256 of <code>X-Crosscheck-Timestamp</code>, a dot and the body, keyed with the webhook's
        secret; docs/webhooks.md shows a receiver checking it.
      </p>
      {created ? (
        <div class="notice secret" role="status">
          <p>Webhook {created.id} added. Its signing secret, shown only now — copy it to the receiver:</p>
          <code class="secret-value">{created.secret}</code>
        </div>
      ) : null}
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <WebhookList hooks={hooks} events={events} />
      <form class="card form" method="post" action="/webhooks" id="webhook-form">
        <h2>Add a webhook</h2>
        <label>
          URL
          <input
            name="url"
            type="url"
            required
            maxlength={2000}
            value={values.url ?? ''}
            placeholder="https://hooks.example.com/…"
            aria-invalid={errors.url ? 'true' : undefined}
            aria-describedby={errors.url ? 'url-error' : undefined}
          />
          {errors.url ? (
            <p class="field-error" id="url-error" role="alert">
              {errors.url}
            </p>
          ) : null}
        </label>
        <fieldset class="events">
          <legend>Send when there is</legend>
          {Object.entries(events).map(([name, label]) => (
            <label class="radio">
              <input type="checkbox" name="events" value={name} checked={chosen.has(name)} />
              <span>
                {label} <code>{name}</code>
              </span>
            </label>
          ))}
          {errors.events ? (
            <p class="field-error" role="alert">
              {errors.events}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" class="btn btn-primary">
          Add the webhook
        </button>
      </form>
    </>
  );
}
