// The page shell: head (our own htmx, with the CSP nonce), header with nav, main.
import type { Child } from 'hono/jsx';

export interface LayoutProps {
  title: string;
  nonce?: string;
  nav?: 'queue' | 'new' | 'articles';
  children?: Child;
}

export function Layout({ title, nonce, nav, children }: LayoutProps) {
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
        <script src="/static/htmx.min.js" nonce={nonce} defer />
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
            <a href="/articles/new" {...current('new')}>
              Add article
            </a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
