// Command line: `ingest FILE...` into the database, `compare A B... [--json]` without storing anything.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { loadManifest } from '../../seeds/load';
import { DEFAULT_DATABASE_URL, databaseUrlFromEnv } from '../config';
import { openNodeDb } from '../node-db';
import { compareDocuments, whyNotLinked } from '../services/compare';
import { InputError } from '../services/errors';
import { type IngestResult, ingestArticle } from '../services/ingest';
import { addArticleByUrl } from '../services/web-articles';
import { nodeWebReader } from '../web/node-reader';

const USAGE = `Usage:
  npm run ingest -- [--outlet NAME] [--title TITLE] FILE...   text/HTML files, or manifest .json files
  npm run ingest -- --url URL [--url URL...]                  fetch articles from the web
  npm run compare -- A.txt B.txt [...] [--json]                 cross-check files without storing them
  npm run compare -- A.txt B.txt [...] --why "54 countries"     why the claims saying that were or were not linked
Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL})`;

function describe(label: string, r: IngestResult): string {
  return r.status === 'duplicate'
    ? `${label}: already stored as article ${r.articleId} ("${r.title}"), skipped`
    : `${label}: article ${r.articleId}, ${r.claims} claims, ${r.conflicts} conflicts, ${r.corroborations} corroborations`;
}

async function ingest(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      outlet: { type: 'string' },
      title: { type: 'string' },
      url: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  // `--url A B C`: parseArgs takes B and C as positionals; a positional that is an http(s) URL is one.
  const isUrl = (s: string) => /^https?:\/\//i.test(s);
  const urls = [...(values.url ?? []), ...positionals.filter(isUrl)];
  const files = positionals.filter((p) => !isUrl(p));
  if (values.help || (positionals.length === 0 && urls.length === 0)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const { db, close } = await openNodeDb(databaseUrlFromEnv(process.env));
  let failures = 0;
  try {
    const reader = nodeWebReader();
    for (const url of urls) {
      try {
        const r = await addArticleByUrl(db, reader, { url, outlet: values.outlet, title: values.title });
        console.log(describe(r.url, r as IngestResult));
      } catch (err) {
        failures++;
        console.error(`${url}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    for (const file of files) {
      try {
        if (extname(file).toLowerCase() === '.json') {
          await loadManifest(db, file, (entry, r) => console.log(describe(entry.file, r)));
          continue;
        }
        if (!values.outlet) throw new InputError('give --outlet NAME for plain files (or use a manifest)');
        const text = await readFile(file, 'utf8');
        const title = values.title ?? basename(file, extname(file));
        const format = /\.html?$/i.test(file) ? 'html' : 'auto';
        console.log(describe(file, await ingestArticle(db, { outlet: values.outlet, title, text, format })));
      } catch (err) {
        failures++;
        console.error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    close();
  }
  return failures ? 1 : 0;
}

async function compare(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, why: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help || positionals.length < 2 || positionals.length > 20) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const used = new Set<string>();
  const documents = await Promise.all(
    positionals.map(async (file, i) => {
      let id = basename(file, extname(file)).replace(/[:\s]+/g, '-') || `doc${i + 1}`;
      if (used.has(id)) id = `${id}-${i + 1}`;
      used.add(id);
      const format = /\.html?$/i.test(file) ? ('html' as const) : ('auto' as const);
      return { id, source: basename(file), text: await readFile(file, 'utf8'), format };
    }),
  );
  if (values.why !== undefined) return why(documents, values.why);
  const result = compareDocuments(documents);
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const text = new Map(result.claims.map((c) => [c.id, c.text]));
  for (const d of result.documents) console.log(`${d.id}: ${d.claims} claims`);
  const groups = [
    ['Conflicts', result.links.filter((l) => l.relation !== 'corroboration')],
    ['Corroborations', result.links.filter((l) => l.relation === 'corroboration')],
  ] as const;
  for (const [title, list] of groups) {
    console.log(`\n${title} (${list.length})`);
    for (const l of list) {
      console.log(`\n  [${l.severity}] ${l.relation} ${l.a} ↔ ${l.b} (score ${l.score.toFixed(2)})`);
      console.log(`    ${l.a}: ${text.get(l.a)}`);
      console.log(`    ${l.b}: ${text.get(l.b)}`);
      if (l.explanation.summary) console.log(`    why: ${l.explanation.summary}`);
    }
  }
  return 0;
}

/** Prints the trail of every claim whose text contains `phrase`: what it met, and what decided. */
function why(documents: Parameters<typeof whyNotLinked>[0], phrase: string): number {
  const found = whyNotLinked(documents, phrase);
  if (found.length === 0) {
    console.error(`No claim contains "${phrase}".`);
    return 1;
  }
  for (const { claim, compared } of found) {
    console.log(`\n${claim.id}: ${claim.text}`);
    if (compared.length === 0)
      console.log('  compared with nothing: no claim of another document states a figure of this kind');
    for (const x of compared) {
      console.log(`\n  ${x.claim}: ${x.text}`);
      console.log(`    ${x.verdict}`);
      for (const s of x.steps)
        console.log(`      ${s.outcome.padEnd(6)} ${s.rule}${s.detail ? ` — ${s.detail}` : ''}`);
    }
  }
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
const run = command === 'ingest' ? ingest : command === 'compare' ? compare : null;
if (!run) {
  console.log(USAGE);
  process.exit(2);
}
run(rest).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
