// A feed's title and its items' links, whatever the format: RSS, Atom, RDF or JSON Feed, parsed by
// feedsmith (not regular expressions). Pure: the fetch is the reader's (reader.ts).
import { parseFeed } from 'feedsmith';
import { InputError } from '../services/errors';
import { articleUrl } from './reader';

export interface FeedEntries {
  format: string;
  title?: string;
  items: { url: string; title?: string }[];
}

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

/** The link of an item: RSS/RDF `link` (or a permalink `guid`), Atom's alternate link, JSON Feed's `url`. */
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

/** Parses a feed; throws InputError saying why when it is not one. `base` resolves relative links. */
export function feedEntries(body: string, base: string): FeedEntries {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(body);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError(`This is not a feed that can be read (RSS, Atom, RDF or JSON Feed): ${why}.`);
  }
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
  return { format: parsed.format, title: textOf(feed.title), items };
}

/** OPML subscription lists (outlines nest; `xmlUrl` marks a feed), parsed by feedsmith too. */
export { parseOpml } from 'feedsmith';
