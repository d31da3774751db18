// The fixture feeds (tests/fixtures/feeds) and what feedsmith, the parser Node used before session 8,
// makes of them: the reference feed-parse.ts is held to on Node and in workerd. feedsmith is a dev
// dependency for this comparison only (~63 KiB gzip, it does not fit the Worker's bundle).
import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import type { FeedEntries } from '../../src/web/feed-entries';
import { feedEntries, opmlEntries } from '../../src/web/feed-entries';
import { articleUrl } from '../../src/web/reader';
import atom from '../fixtures/feeds/atom-links.xml?raw';
import json from '../fixtures/feeds/json-feed.json?raw';
import rdf from '../fixtures/feeds/rdf-rss1.xml?raw';
import rss from '../fixtures/feeds/wordpress-rss2.xml?raw';

/** Each fixture feed with the URL it is served from (relative links resolve against it). */
export const FIXTURE_FEEDS: Record<string, { body: string; base: string }> = {
  'wordpress-rss2': { body: rss, base: 'https://valleycourier.example/feed/' },
  'atom-links': { body: atom, base: 'https://northernpost.example/world/atom.xml' },
  'rdf-rss1': { body: rdf, base: 'https://gazette.example/rss' },
  'json-feed': { body: json, base: 'https://plainsdaily.example/feed.json' },
};

const textOf = (v: unknown): string | undefined => {
  const s =
    typeof v === 'string'
      ? v
      : v && typeof v === 'object' && 'value' in v
        ? (v as { value: unknown }).value
        : undefined;
  return typeof s === 'string' && s.trim() ? s.replace(/\s+/g, ' ').trim().slice(0, 500) : undefined;
};

function absolute(href: unknown, base: string): string | undefined {
  if (typeof href !== 'string' || !href.trim()) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? articleUrl(u.href) : undefined;
  } catch {
    return undefined;
  }
}

type Loose = Record<string, unknown>;

function itemLink(item: Loose, format: string, base: string): string | undefined {
  if (format === 'atom') {
    const links = (item.links as Loose[] | undefined) ?? [];
    const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
    return absolute(alternate?.href, base);
  }
  if (format === 'json') return absolute(item.url ?? item.external_url, base);
  const guid = item.guid as Loose | undefined;
  const permalink = guid && guid.isPermaLink !== false ? guid.value : undefined;
  return absolute(item.link, base) ?? absolute(permalink, base);
}

/** src/web/feed-entries.ts as it was over feedsmith (commit c81eecb). */
export function feedsmithEntries(body: string, base: string): FeedEntries {
  const parsed = parseFeed(body);
  const feed = parsed.feed as Loose;
  const list = ((parsed.format === 'atom' ? feed.entries : feed.items) as Loose[] | undefined) ?? [];
  const items: FeedEntries['items'] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const url = itemLink(item, parsed.format, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    items.push({ url, title: textOf(item.title) });
  }
  return { format: parsed.format as FeedEntries['format'], title: textOf(feed.title), items };
}

/** The checks feed-parse.ts is held to, run where the caller runs (Node, or workerd). */
export function describeFeedParsing(where: string) {
  describe(`feeds parsed ${where}`, () => {
    it.each(Object.entries(FIXTURE_FEEDS))('%s: the same items as feedsmith', (_name, { body, base }) => {
      const ours = feedEntries(body, base);
      expect(ours.items.length).toBeGreaterThan(1);
      expect(ours).toEqual(feedsmithEntries(body, base));
    });

    it('refuses truncated XML, an HTML page and JSON that is no JSON Feed', () => {
      const truncated = FIXTURE_FEEDS['wordpress-rss2']!.body.slice(0, 1500);
      expect(() => feedEntries(truncated, 'https://x.example/')).toThrow(/not well formed/);
      expect(() => feedEntries('<html><body><p>A page</p></body></html>', 'https://x.example/')).toThrow(
        /root element is <html>/,
      );
      expect(() => feedEntries('{"items": []}', 'https://x.example/')).toThrow(/JSON Feed/);
    });

    it('reads an OPML list', () => {
      const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
  <outline text="World"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/></outline>
  <outline type="rss" title="B" text="b" xmlUrl="https://b.example/atom"/></body></opml>`;
      expect(opmlEntries(opml)).toEqual([
        { url: 'https://a.example/rss', title: 'A' },
        { url: 'https://b.example/atom', title: 'B' },
      ]);
    });
  });
}
