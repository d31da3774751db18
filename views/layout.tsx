// The page shell: head (our own htmx, with the CSP nonce), header with nav, main.
import type { Child } from 'hono/jsx';
import type { User } from '../src/shared/user';

export interface LayoutProps {
  title: string;
  nonce?: string;
  nav?: 'queue' | 'new' | 'articles' | 'stories' | 'compare' | 'feeds' | 'webhooks' | 'users';
  /** Who is signed in (null: nobody); the header shows them with a sign-out button, or a sign-in link. */
  user?: User | null;
  children?: Child;
}

export function Layout({ title, nonce, nav, user, children }: LayoutProps) {
  const current = (name: LayoutProps['nav']) => (nav === name ? { 'aria-current': 'page' } : {});
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · crosscheck`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {/* No favicon file: an empty data URL stops every page from fetching a 404. */}
        <link rel="icon" href="data:," />
        {/* Only our own extension may register; same-origin requests only (views/static/htmx-no-eval.js). */}
        <meta name="htmx-config" content='{"extensions":"no-eval","mode":"same-origin"}' />
        <script src="/static/htmx.min.js" nonce={nonce} defer />
        <script src="/static/htmx-no-eval.js" nonce={nonce} defer />
        <script src="/static/flash.js" nonce={nonce} defer />
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="/">
            crosscheck
          </a>
          <nav aria-label="Main">
            <a href="/" {...current('queue')}>
              Queue
            </a>
            <a href="/articles" {...current('articles')}>
              Articles
            </a>
            <a href="/stories" {...current('stories')}>
              Stories
            </a>
            <a href="/compare" {...current('compare')}>
              Compare
            </a>
            <a href="/feeds" {...current('feeds')}>
              Feeds
            </a>
            {user && user.role !== 'viewer' ? (
              <a href="/articles/new" {...current('new')}>
                Add article
              </a>
            ) : null}
            {user?.role === 'editor' ? (
              <>
                <a href="/webhooks" {...current('webhooks')}>
                  Webhooks
                </a>
                <a href="/admin/users" {...current('users')}>
                  Users
                </a>
              </>
            ) : null}
          </nav>
          <SignedIn user={user ?? null} />
        </header>
        <main>{children}</main>
        {/* Where htmx puts a failure that is not the form's own (429, 503, a refused request): the
            form the reviewer was using stays as it was (src/routes/render.tsx, flashError). */}
        <div id="flash" class="flash" aria-live="assertive" />
      </body>
    </html>
  );
}

/** The header's right end: who is signed in and their role, with a sign-out button; or a sign-in link. */
function SignedIn({ user }: { user: User | null }) {
  if (!user) {
    return (
      <a class="signin-link" href="/signin">
        Sign in
      </a>
    );
  }
  return (
    <form class="signed-in" method="post" action="/signout">
      <span>
        {user.displayName} <span class="badge role">{user.role}</span>
      </span>
      <button type="submit">Sign out</button>
    </form>
  );
}
