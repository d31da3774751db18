// Command line: `ingest FILE... | --url URL...` into the database as one import (a progress bar, one failure never
// stops the others; /imports shows it too), `compare A B... [--json]` without storing anything.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readManifest } from '../../seeds/load';
import { DEFAULT_DATABASE_URL, databaseUrlFromEnv, nodeConfigFromEnv } from '../config';
import { threadCompute } from '../node-compute/pool';
import { openNodeDb } from '../node-db';
import { compareDocuments, whyNotLinked } from '../services/compare';
import { runImportInBatches } from '../services/import-runner';
import type { ImportSource } from '../services/import-sources';
import { createImport, importProgress } from '../services/imports';
import { nodeWebReader } from '../web/node-reader';
import { progress } from './progress';

const USAGE = `Usage:
  npm run ingest -- [--outlet NAME] [--title TITLE] FILE...   text/HTML files, or manifest .json files
  npm run ingest -- --url URL [--url URL...]                  fetch articles from the web
  npm run compare -- A.txt B.txt [...] [--json]                 cross-check files without storing them
  npm run compare -- A.txt B.txt [...] --why "54 countries"     why the claims saying that were or were not linked
Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL}), EXTRACTION_THREADS (default: cores − 1)`;

/** What the command line names, as one import: URLs, manifest entries and files, in the order given. */
async function importOf(
  urls: string[],
  files: string[],
  given: { outlet?: string; title?: string },
): Promise<ImportSource> {
  const items: ImportSource['items'] = urls.map((url) => ({
    target: url,
    payload: { url, outlet: given.outlet, title: given.title },
  }));
  const read = (path: string) =>
    readFile(path, 'utf8').then(
      (text) => ({ text }),
      (err: NodeJS.ErrnoException) => ({ error: `the file could not be read (${err.code ?? err.message})` }),
    );
  for (const file of files) {
    if (extname(file).toLowerCase() === '.json') {
      const base = dirname(file);
      for (const e of await readManifest(file))
        items.push({
          target: e.file,
          payload: {
            ...(await read(resolve(base, e.file))),
            outlet: e.outlet,
            title: e.title ?? e.file.replace(/\.[^.]+$/, ''),
            url: e.url ?? undefined,
            publishedAt: e.publishedAt ?? e.published ?? undefined,
            format: e.format ?? (/\.html?$/i.test(e.file) ? 'html' : 'auto'),
          },
        });
      continue;
    }
    items.push({
      target: file,
      payload: given.outlet
        ? {
            ...(await read(file)),
            outlet: given.outlet,
            title: given.title ?? basename(file, extname(file)),
            format: /\.html?$/i.test(file) ? 'html' : 'auto',
          }
        : { error: 'give --outlet NAME for plain files (or use a manifest)' },
    });
  }
  const named = [
    urls.length ? `${urls.length} URL${urls.length === 1 ? '' : 's'}` : '',
    ...files.map((f) => basename(f)),
  ].filter(Boolean);
  return {
    kind: files.length ? 'manifest' : 'urls',
    label: `npm run ingest: ${named.slice(0, 3).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more` : ''}`,
    items,
  };
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
  // Read before opening the database: a malformed manifest stops here, with nothing stored.
  const source = await importOf(urls, files, values);
  const { db, close } = await openNodeDb(databaseUrlFromEnv(process.env));
  let failures = 0;
  try {
    // Stored as an import, so /imports shows its progress to reviewers while it runs.
    const job = await createImport(db, source, { actor: 'npm run ingest' });
    console.log(`import ${job.id}: ${job.total} items (progress at /imports/${job.id})`);
    const bar = progress(`import ${job.id}`, job.total);
    // Articles given with their text are read in worker threads while the main thread stores the batch
    // before (EXTRACTION_THREADS; default: one core less than the machine has; 0: all in this thread).
    const threads =
      nodeConfigFromEnv(process.env).extractionThreads ?? Math.max(1, availableParallelism() - 1);
    const compute = threads > 0 ? threadCompute({ threads }) : undefined;
    try {
      await runImportInBatches({ db, reader: nodeWebReader(), ingest: { compute } }, job.id, (done) => {
        if (done.status === 'failed') failures++;
        bar.step(done.target, done.status === 'failed' ? (done.reason ?? 'failed') : undefined);
      });
    } finally {
      await compute?.close();
    }
    bar.end();
    const p = await importProgress(db, job.id);
    const { stored, duplicate, failed } = p.counts;
    console.log(`import ${job.id}: ${stored} stored, ${duplicate} already stored, ${failed} failed`);
    for (const i of p.items)
      if (i.status === 'stored' || i.status === 'duplicate')
        console.log(
          `  ${i.target}: ${i.status === 'stored' ? 'article' : 'already stored as article'} ${i.articleId}`,
        );
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
