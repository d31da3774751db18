// The one set-up of the browser tests: a server on a fresh database file in a temporary folder,
// Chromium with a fresh profile, its first page watched for problems (console errors, uncaught page
// errors, and as a test asks: CSP violations, failed responses, dialogs), all closed and removed after
// the file's tests. Call browserSession() inside the describe block; its hooks fill the session in.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { type Chromium, launchChromium } from './chromium';

/** Where browser tests save screenshots (created by a session that asks for them). */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface BrowserSession {
  /** The session's temporary folder (removed after the tests). */
  readonly dir: string;
  /** The server's database file, for a test that restarts the server on it. */
  readonly databaseUrl: string;
  /** The running server; a test that restarts it assigns the new one here (closed after the tests). */
  server: RunningServer;
  chromium: Chromium;
  /** Chromium's first page. */
  page: Page;
  /** What went wrong in the page so far, one line each; a test expects it empty. */
  readonly problems: string[];
  /** `path` on the server, as an absolute URL. */
  url(path?: string): string;
  /** Signs in through the sign-in form and waits until the browser is back on `next`. */
  signIn(login: string, password: string, next?: string): Promise<void>;
}

export interface BrowserSessionOptions {
  /** startServer's options besides the port and the database file. */
  server?: Omit<ServerOptions, 'port' | 'databaseUrl'>;
  /** Accounts to add once the server runs (addAccount), before `before`. */
  accounts?: Parameters<typeof addAccount>[1][];
  /** After the server starts and before Chromium does: articles, anything else. */
  before?: (session: BrowserSession) => Promise<void>;
  /** Once the page exists: cookies, signing in, extra listeners. */
  after?: (session: BrowserSession) => Promise<void>;
  /** Report Content-Security-Policy violations (`CSP: …`). */
  csp?: boolean;
  /** Report these responses (`HTTP <status>: <url>`). */
  badResponse?: (res: Response) => boolean;
  /** Report and dismiss dialogs (`dialog: …`): an alert() is an injected script. */
  dialogs?: boolean;
  /** Create SCREENSHOTS. */
  screenshots?: boolean;
}

/** Signs `page` in on the server at `origin` through the sign-in form, and waits until it is back on `next`. */
export async function signIn(page: Page, origin: string, login: string, password: string, next = '/') {
  const target = new URL(next, origin);
  await page.goto(new URL(`/signin?next=${encodeURIComponent(next)}`, origin).href);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search),
    page.locator('form.signin button[type="submit"]').click(),
  ]);
}

/** Failed responses but Chromium's own favicon request: what most pages must never answer. */
export const failedResponse = (res: Response) =>
  res.status() >= 400 && new URL(res.url()).pathname !== '/favicon.ico';

export function browserSession(name: string, options: BrowserSessionOptions = {}): BrowserSession {
  const dir = mkdtempSync(join(tmpdir(), `crosscheck-${name}-`));
  const session = {
    dir,
    databaseUrl: `file:${join(dir, `${name}.db`)}`,
    problems: [] as string[],
    url(path = '/') {
      return new URL(path, session.server.url).href;
    },
    signIn: (login: string, password: string, next = '/') =>
      signIn(session.page, session.server.url, login, password, next),
  } as BrowserSession;

  beforeAll(async () => {
    if (options.screenshots) mkdirSync(SCREENSHOTS, { recursive: true });
    session.server = await startServer({ ...options.server, port: 0, databaseUrl: session.databaseUrl });
    for (const account of options.accounts ?? []) await addAccount(session.server.db, account);
    await options.before?.(session);
    session.chromium = await launchChromium();
    const { context } = session.chromium;
    const { problems } = session;
    if (options.csp) {
      await context.exposeBinding('__reportCsp', (_source, violation: string) => {
        problems.push(`CSP: ${violation}`);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp;
          report(
            `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      });
    }
    const page = context.pages()[0] ?? (await context.newPage());
    // A failed load is reported with its URL by badResponse; the console line alone does not say which.
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
        problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const { badResponse, dialogs } = options;
    if (badResponse)
      page.on('response', (res) => {
        if (badResponse(res)) problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
    if (dialogs)
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
    session.page = page;
    await options.after?.(session);
  }, 60_000);

  afterAll(async () => {
    await session.chromium?.close();
    await session.server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  return session;
}
