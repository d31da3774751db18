// Command line for feeds: `npm run feeds -- add URL | import FILE.opml | list | poll [ID...]`.
// Polls show a progress bar on a terminal (items done / total, the current one, failures with reasons).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { listFeeds } from '../../db/queries/feeds';
import { DEFAULT_DATABASE_URL, databaseUrlFromEnv } from '../config';
import { openNodeDb } from '../node-db';
import { InputError } from '../services/errors';
import { addFeed, importOpml, ingestFeedItem, pollFeed } from '../services/feeds';
import { nodeWebReader } from '../web/node-reader';
import { progress } from './progress';

const USAGE = `Usage:
  npm run feeds -- add URL [--every MINUTES] [--outlet NAME]   subscribe (polled by npm start)
  npm run feeds -- import FILE.opml [--every MINUTES]          subscribe to every feed of an OPML file
  npm run feeds -- list                                        feeds with their last poll
  npm run feeds -- poll [ID...]                                poll now (all feeds without IDs)
Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL})`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { every: { type: 'string' }, outlet: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const every = values.every === undefined ? undefined : Number(values.every);
  if (every !== undefined && (!Number.isInteger(every) || every < 5)) {
    console.error('--every takes whole minutes, 5 or more');
    return 2;
  }
  const { db, close } = await openNodeDb(databaseUrlFromEnv(process.env));
  const reader = nodeWebReader();
  let failures = 0;
  try {
    if (command === 'add') {
      for (const url of rest) {
        try {
          const f = await addFeed(db, reader.policy, { url, intervalMinutes: every, outlet: values.outlet });
          console.log(`feed ${f.id}: ${f.url}, every ${f.intervalMinutes} min`);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          failures++;
          console.error(`${url}: ${err.message}`);
        }
      }
    } else if (command === 'import') {
      for (const file of rest) {
        let bar: ReturnType<typeof progress> | null = null;
        const r = await importOpml(
          db,
          reader.policy,
          await readFile(file, 'utf8'),
          every,
          undefined,
          (_done, total, url, error) => {
            bar ??= progress(`import ${file}`, total);
            bar.step(url, error);
          },
        );
        (bar as ReturnType<typeof progress> | null)?.end();
        failures += r.skipped.length;
        console.log(`${file}: ${r.added.length} feeds added, ${r.skipped.length} skipped`);
      }
    } else if (command === 'list') {
      for (const f of await listFeeds(db)) {
        const last = f.lastPolledAt
          ? `${new Date(f.lastPolledAt).toISOString()} ${f.lastStatus}`
          : 'never polled';
        console.log(
          `${f.id}\t${f.url}\tevery ${f.intervalMinutes} min\t${last}\t${f.lastNewItems ?? '-'} new${f.lastError ? `\t${f.lastError}` : ''}`,
        );
      }
    } else if (command === 'poll') {
      const ids = rest.length ? rest.map(Number) : (await listFeeds(db)).map((f) => f.id);
      for (const id of ids) {
        const r = await pollFeed(db, reader, id, { force: true });
        if (r.status === 'error') {
          failures++;
          console.error(`feed ${id}: ${r.error}`);
          continue;
        }
        if (r.status !== 'ok') {
          console.log(`feed ${id}: ${r.status}`);
          continue;
        }
        const bar = progress(`feed ${id}`, r.newItems.length);
        let stored = 0;
        for (const item of r.newItems) {
          // One item's failure never stops the others (it is recorded on the feed's items).
          const done = await ingestFeedItem(db, reader, id, item.url);
          if (done.status === 'stored') stored++;
          if (done.status === 'failed') failures++;
          bar.step(item.title ?? item.url, done.status === 'failed' ? done.error : undefined);
        }
        bar.end();
        console.log(`feed ${id}: ${r.newItems.length} new items, ${stored} stored`);
      }
    } else {
      console.log(USAGE);
      return 2;
    }
  } finally {
    close();
  }
  return failures ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
