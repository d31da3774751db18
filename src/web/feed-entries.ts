// A feed's title and its items' links, whatever the format (RSS, Atom, RDF or JSON Feed), on Node and
// in the Worker alike: parsed by feed-parse.ts (htmlparser2, not regular expressions), links made
// absolute and stripped of tracking parameters. Pure: the fetch is the reader's (reader.ts).
import { InputError } from '../services/errors';
import { type FeedFormat, FeedSyntaxError, parseFeedBody, parseOpmlBody } from './feed-parse';
import { articleUrl } from './reader';

export interface FeedEntries {
  format: FeedFormat;
  title?: string;
  items: { url: string; title?: string }[];
}

const tidy = (s: string | undefined): string | undefined =>
  s?.trim() ? s.replace(/\s+/g, ' ').trim().slice(0, 500) : undefined;

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? articleUrl(u.href) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a feed; throws InputError saying why when it is not one. `base` resolves relative links. */
export function feedEntries(body: string, base: string): FeedEntries {
  let parsed: ReturnType<typeof parseFeedBody>;
  try {
    parsed = parseFeedBody(body);
  } catch (err) {
    if (!(err instanceof FeedSyntaxError)) throw err;
    throw new InputError(
      `This is not a feed that can be read (RSS, Atom, RDF or JSON Feed): ${err.message}.`,
    );
  }
  const items: FeedEntries['items'] = [];
  const seen = new Set<string>();
  for (const item of parsed.items) {
    const url = absolute(item.link, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    items.push({ url, title: tidy(item.title) });
  }
  return { format: parsed.format, title: tidy(parsed.title), items };
}

/** The feeds of an OPML subscription list; throws InputError when it is not one. */
export function opmlEntries(body: string): { url: string; title?: string }[] {
  try {
    return parseOpmlBody(body);
  } catch (err) {
    if (!(err instanceof FeedSyntaxError)) throw err;
    throw new InputError(`This is not an OPML file: ${err.message}.`);
  }
}
