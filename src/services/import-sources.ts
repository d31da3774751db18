// What a bulk import is made of, read from what the user gave: a list of URLs (one a line), an OPML
// file (its feeds, to subscribe to) or a JSON manifest (articles by URL, or with their text). Pure:
// malformed input is an InputError saying where, before anything is stored.
import * as z from '../shared/zod';
import { opmlEntries } from '../web/feed-entries';
import { InputError } from './errors';

/** Items one import may hold. */
export const MAX_IMPORT_ITEMS = 500;

export type ImportKind = 'urls' | 'opml' | 'manifest';

/** A manifest entry: an article to fetch (url) or one given with its text. */
export interface ManifestItem {
  url?: string;
  text?: string;
  outlet?: string;
  title?: string;
  publishedAt?: string;
  format?: 'auto' | 'text' | 'html';
  /** Why the entry cannot be done, known when it was read (a CLI file that is missing): the item fails with it. */
  error?: string;
}

export interface ImportSource {
  kind: ImportKind;
  label: string;
  items: { target: string; payload?: ManifestItem }[];
}

const httpUrl = (s: string) => /^https?:\/\//i.test(s) && URL.canParse(s);
const label = (max: number) => z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));
const upTo40 = () => z.optional(z.string().check(z.trim(), z.maxLength(40)));
const manifestEntry = z
  .object({
    url: z.optional(
      z.string().check(z.trim(), z.maxLength(2000), z.refine(httpUrl, 'must start with http:// or https://')),
    ),
    text: z.optional(z.string().check(z.minLength(1))),
    outlet: label(200),
    title: label(500),
    publishedAt: upTo40(),
    published: upTo40(),
    format: z.optional(z.enum(['auto', 'text', 'html'])),
  })
  .check(
    z.refine((e) => !!(e.url || (e.text && e.outlet && e.title)), {
      message: 'needs "url", or "text" with "outlet" and "title"',
    }),
  );

function tooMany(n: number): InputError {
  return new InputError(
    `The import lists ${n} items; at most ${MAX_IMPORT_ITEMS} can be imported at once. Nothing was stored.`,
  );
}

/** URLs one a line (blank lines and lines starting with # skipped); a line that is no URL is refused. */
export function urlList(text: string): ImportSource {
  const seen = new Set<string>();
  const bad: string[] = [];
  for (const [k, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!httpUrl(line)) bad.push(`line ${k + 1} ("${line.slice(0, 80)}")`);
    else seen.add(line);
  }
  if (bad.length > 0)
    throw new InputError(
      `Give one http:// or https:// URL per line; not a URL: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}. Nothing was stored.`,
    );
  if (seen.size === 0) throw new InputError('Give at least one URL. Nothing was stored.');
  if (seen.size > MAX_IMPORT_ITEMS) throw tooMany(seen.size);
  return {
    kind: 'urls',
    label: `${seen.size} URL${seen.size === 1 ? '' : 's'}`,
    items: [...seen].map((target) => ({ target })),
  };
}

export function opmlList(text: string, name = 'OPML file'): ImportSource {
  const entries = opmlEntries(text);
  if (entries.length === 0) throw new InputError('The OPML file lists no feeds (no outline has an xmlUrl).');
  if (entries.length > MAX_IMPORT_ITEMS) throw tooMany(entries.length);
  return {
    kind: 'opml',
    label: name,
    items: entries.map((e) => ({ target: e.url, payload: e.title ? { title: e.title } : undefined })),
  };
}

/** A JSON array of manifest entries; `name` labels the job. */
export function manifestList(text: string, name = 'manifest'): ImportSource {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError('The manifest is not valid JSON. Nothing was stored.');
  }
  if (!Array.isArray(json) || json.length === 0)
    throw new InputError('The manifest must be a JSON array of entries. Nothing was stored.');
  if (json.length > MAX_IMPORT_ITEMS) throw tooMany(json.length);
  const items = json.map((entry, k) => {
    const parsed = manifestEntry.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` "${issue.path.join('.')}"` : '';
      throw new InputError(`Manifest entry ${k + 1}${where}: ${issue.message}. Nothing was stored.`);
    }
    const { published, ...e } = parsed.data;
    const payload: ManifestItem = { ...e, publishedAt: e.publishedAt ?? published };
    return { target: e.url ?? e.title ?? `entry ${k + 1}`, payload };
  });
  return { kind: 'manifest', label: name, items };
}

/** Reads an uploaded file (or pasted text) by its content: OPML, a JSON manifest, else a URL list. */
export function importSource(text: string, name?: string): ImportSource {
  const head = text.trimStart().slice(0, 400);
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(head)) return opmlList(text, name);
  if (head.startsWith('[') || head.startsWith('{')) return manifestList(text, name);
  const list = urlList(text);
  return name ? { ...list, label: `${name} (${list.label})` } : list;
}
