// What a page says about itself — title, outlet, author, published time, canonical URL — from its
// meta tags and JSON-LD (schema.org NewsArticle and kin). Pure: both extraction paths collect the raw
// signals (PageSignals) their own way and pick from them here, so they agree.

export interface PageSignals {
  /** <meta> tags as [property, name or itemprop (lower case), content]. */
  metas: { key: string; content: string }[];
  /** <link rel="canonical" href>. */
  canonical?: string;
  /** The text of each <script type="application/ld+json">. */
  jsonLd: string[];
  /** The text of <title>. */
  title?: string;
}

export interface PageMetadata {
  title?: string;
  outlet?: string;
  author?: string;
  /** ISO 8601 (as the page gives it when it is ISO already). */
  publishedAt?: string;
  canonicalUrl?: string;
}

const ARTICLE_TYPES =
  /^(News|Reportage|Analysis|Opinion|Review|Background|Report|Scholarly|Tech|Satirical)?Article$|^(BlogPosting|LiveBlogPosting|NewsArticle)$/;

type Json = Record<string, unknown>;

function* walk(node: unknown, depth = 0): Generator<Json> {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, depth + 1);
    return;
  }
  const o = node as Json;
  yield o;
  if (o['@graph']) yield* walk(o['@graph'], depth + 1);
}

const types = (o: Json) => [o['@type']].flat().filter((t): t is string => typeof t === 'string');

/** The first article object of the page's JSON-LD, or null (invalid JSON-LD is skipped). */
export function jsonLdArticle(texts: readonly string[]): Json | null {
  for (const text of texts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    for (const o of walk(parsed)) if (types(o).some((t) => ARTICLE_TYPES.test(t))) return o;
  }
  return null;
}

const clean = (s: unknown): string | undefined => {
  if (typeof s !== 'string') return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 500) : undefined;
};

/** schema.org names: "A", {name: "A"}, or a list of either. */
function names(v: unknown): string | undefined {
  const list = [v]
    .flat()
    .map((x) =>
      typeof x === 'string' ? clean(x) : x && typeof x === 'object' ? clean((x as Json).name) : undefined,
    )
    .filter((x): x is string => !!x && !/^https?:\/\//.test(x));
  return list.length ? [...new Set(list)].join(', ') : undefined;
}

/** An ISO date-time or date as articles store it, or undefined for anything unreadable. */
export function isoDate(v: unknown): string | undefined {
  const s = clean(v);
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Picks the page's own account of itself; `pageUrl` resolves a relative canonical link. */
export function pickMetadata(signals: PageSignals, pageUrl: string): PageMetadata {
  const meta = (...keys: string[]) => {
    for (const k of keys) {
      const hit = signals.metas.find((m) => m.key === k && clean(m.content));
      if (hit) return clean(hit.content);
    }
    return undefined;
  };
  const ld = jsonLdArticle(signals.jsonLd);
  const publisher = ld?.publisher as Json | undefined;
  const ldUrl = typeof ld?.url === 'string' ? ld.url : undefined;
  return {
    title: clean(ld?.headline) ?? meta('og:title', 'twitter:title') ?? clean(signals.title),
    outlet: meta('og:site_name') ?? names(publisher) ?? meta('application-name'),
    author: names(ld?.author) ?? meta('author', 'article:author', 'parsely-author', 'dc.creator', 'byl'),
    publishedAt:
      isoDate(ld?.datePublished) ??
      isoDate(
        meta('article:published_time', 'datepublished', 'parsely-pub-date', 'pubdate', 'date', 'dc.date'),
      ),
    canonicalUrl:
      absolute(signals.canonical, pageUrl) ?? absolute(meta('og:url'), pageUrl) ?? absolute(ldUrl, pageUrl),
  };
}
