// `npm run facts:rebuild`: recomputes every fact (links.fact_id) from the links, then every story
// (articles.story_id) from the facts. For a database from
// before facts (the Node server also does this on start when it finds links in no fact), for a remote
// one (DATABASE_URL=libsql://…) that a Worker fills, and after an interrupted deletion. `--check`
// only reports: exit status 1 when some link is not in the fact its links make.
import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_URL, databaseUrlFromEnv } from '../config';
import { openNodeDb } from '../node-db';
import { checkFacts, rebuildFacts } from '../services/fact-upkeep';
import { rebuildStories } from '../services/story-upkeep';

const USAGE = `Usage: npm run facts:rebuild [-- --check]
  recompute every fact from the links (conflicts and corroborations in one unit family, connected),
  then every story (articles sharing a fact and an entity, connected)
  --check   change nothing; exit 1 if some link or article is not where its links put it
Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL})`;

const { values } = parseArgs({
  options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const { db, close } = await openNodeDb(databaseUrlFromEnv(process.env));
try {
  if (values.check) {
    const r = await checkFacts(db);
    console.log(`${r.links} fact links in ${r.facts} facts; ${r.moved} would move`);
    const s = r.moved > 0 ? null : await rebuildStories(db, false);
    if (s) console.log(`${s.stories} stories; ${s.moved} articles would move`);
    process.exitCode = r.moved > 0 || (s?.moved ?? 0) > 0 ? 1 : 0;
  } else {
    const r = await rebuildFacts(db);
    console.log(`${r.links} fact links in ${r.facts} facts; ${r.moved} moved`);
    const s = await rebuildStories(db);
    console.log(`${s.stories} stories; ${s.moved} articles moved`);
  }
} finally {
  close();
}
