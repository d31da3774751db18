// Reading an article from the web: fetch the page (fetch-page.ts), extract its body (Readability on
// Node, HTMLRewriter on Workers) and what it says about itself (metadata.ts). The runtime's entry
// builds the reader (node-reader.ts, worker-reader.ts) and hands it to the app.
import type { AddressPolicy } from './addresses';
import { blocksToText } from './blocks';
import { decodeBody, FetchError, type FetchLimits, fetchResource, type Transport } from './fetch-page';
import { type PageMetadata, pickMetadata } from './metadata';
import type { Extractor } from './readability-extract';

export interface WebArticle extends PageMetadata {
  /** The URL the page came from, after redirects. */
  url: string;
  /** One block (paragraph, heading, list item) per line. */
  text: string;
}

/** What a reader fetched for a feed: the body, or nothing new (304). */
export interface FeedResponse {
  status: 200 | 304;
  url: string;
  body: string;
  etag?: string;
  lastModified?: string;
}

export interface WebReader {
  readArticle(url: string): Promise<WebArticle>;
  readFeed(
    url: string,
    validators?: { etag?: string | null; lastModified?: string | null },
  ): Promise<FeedResponse>;
  /** The address rules this reader applies (tests may allow loopback). */
  policy: AddressPolicy;
}

/** Fewer words than this is a menu, a paywall or an error page, not an article. */
const MIN_WORDS = 30;

export const HTML_TYPES = ['text/html', 'application/xhtml+xml'] as const;
export const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  // Many servers label feeds as plain text or HTML; the parser (feed-parse.ts) decides whether it is a feed.
  'text/plain',
  'text/html',
] as const;

export interface ReaderParts {
  transport: Transport;
  extract: Extractor;
  policy?: AddressPolicy;
  limits?: FetchLimits;
}

/** Query parameters that only track a click, dropped so one article has one URL. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$/i;

/** The URL an article is stored under: no fragment, no tracking parameters. */
export function articleUrl(raw: string): string {
  const u = new URL(raw);
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  return u.href;
}

/** A canonical URL on the page's own host (www. aside); a page cannot claim another site's URL. */
function sameSite(canonical: string | undefined, pageUrl: string): string | undefined {
  if (!canonical) return undefined;
  const host = (u: string) => new URL(u).hostname.replace(/^www\./, '');
  return host(canonical) === host(pageUrl) ? articleUrl(canonical) : undefined;
}

export function webReader(parts: ReaderParts): WebReader {
  const policy = parts.policy ?? {};
  return {
    policy,
    async readArticle(url) {
      const fetched = await fetchResource(url, {
        ...parts.limits,
        transport: parts.transport,
        accept: HTML_TYPES,
        policy,
      });
      const extracted = await parts.extract(decodeBody(fetched));
      const meta = pickMetadata(extracted.signals, fetched.url);
      const text = blocksToText(extracted.blocks, meta.title);
      const words = text.split(/\s+/).filter(Boolean).length;
      if (words < MIN_WORDS)
        throw new FetchError(
          url,
          `no article text was found on the page (${words} ${words === 1 ? 'word' : 'words'} outside menus and links)`,
        );
      return {
        ...meta,
        canonicalUrl: sameSite(meta.canonicalUrl, fetched.url),
        url: articleUrl(fetched.url),
        text,
      };
    },
    async readFeed(url, validators = {}) {
      const headers: Record<string, string> = {};
      if (validators.etag) headers['If-None-Match'] = validators.etag;
      if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
      const fetched = await fetchResource(url, {
        ...parts.limits,
        transport: parts.transport,
        accept: FEED_TYPES,
        headers,
        policy,
      });
      return {
        status: fetched.status === 304 ? 304 : 200,
        url: fetched.url,
        body: fetched.status === 304 ? '' : decodeBody(fetched),
        etag: fetched.headers.get('etag') ?? undefined,
        lastModified: fetched.headers.get('last-modified') ?? undefined,
      };
    },
  };
}
