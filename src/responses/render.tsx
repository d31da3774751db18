// Rendering a response: a full page in the layout (with this response's CSP nonce), or the fragment htmx asked for. Routes, middleware and the auth guards use it; it imports only views and src/shared.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Layout, type LayoutProps } from '../../views/layout';
import { ErrorMessage, ErrorPage } from '../../views/pages/error';
import type { User } from '../shared/user';
import { isHtmx } from './htmx';

type Status = 200 | 201 | 202 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** A full page as HTML text: the layout around `body`, its scripts carrying `nonce`. */
export function pageHtml(
  title: string,
  body: Child,
  opts: { nonce?: string; nav?: LayoutProps['nav']; user: User | null },
): string {
  return `<!doctype html>${(
    <Layout title={title} nonce={opts.nonce} nav={opts.nav} user={opts.user}>
      {body}
    </Layout>
  )}`;
}

export function page(
  c: Context,
  title: string,
  body: Child,
  opts: { nav?: LayoutProps['nav']; status?: Status } = {},
) {
  const nonce = c.get('secureHeadersNonce') as string | undefined;
  c.header('Vary', 'HX-Request');
  return c.html(
    pageHtml(title, body, {
      nonce,
      nav: opts.nav,
      user: (c.get('user') as User | null | undefined) ?? null,
    }),
    opts.status ?? 200,
  );
}

/** A fragment as HTML text. */
export function fragmentHtml(body: Child): string {
  // biome-ignore lint/complexity/noUselessFragments: the fragment turns any Child into one node
  return `${<>{body}</>}`;
}

export function fragment(c: Context, body: Child, status: Status = 200) {
  c.header('Vary', 'HX-Request');
  // biome-ignore lint/complexity/noUselessFragments: the fragment turns any Child into one node c.html accepts
  return c.html(<>{body}</>, status);
}

/** The same content as a fragment for htmx and as a full page otherwise (one partial, two callers). */
export function pageOrFragment(
  c: Context,
  title: string,
  full: () => Child,
  part: () => Child,
  opts: { nav?: LayoutProps['nav']; status?: Status } = {},
) {
  return isHtmx(c) ? fragment(c, part(), opts.status) : page(c, title, full(), opts);
}

/**
 * A failure from outside the handler (rate limit, database down, a refused or broken request): a page,
 * or for htmx the message in the layout's #flash box, so the form or list htmx was about to replace
 * stays on the page with what was typed in it (htmx 4 swaps 4xx/5xx answers into the target).
 */
export function flashError(c: Context, status: number, message: string) {
  if (!isHtmx(c)) return renderError(c, status, message);
  c.header('HX-Retarget', '#flash');
  c.header('HX-Reswap', 'innerHTML');
  return fragment(c, <ErrorMessage status={status} message={message} />, status as Status);
}

export function renderError(c: Context, status: number, message: string) {
  const s = status as Status;
  if (isHtmx(c)) return fragment(c, <ErrorMessage status={status} message={message} />, s);
  return page(c, status === 404 ? 'Not found' : 'Error', <ErrorPage status={status} message={message} />, {
    status: s,
  });
}
