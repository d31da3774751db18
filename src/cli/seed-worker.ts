// `npm run seed:worker -- https://crosscheck.<subdomain>.workers.dev`: posts seeds/ to a deployed
// crosscheck through its JSON API (idempotent: a stored text is reported as a duplicate).
// Ingesting needs a reviewer's API token: CROSSCHECK_TOKEN (mint one on the Users page).
// Behind Cloudflare Access, also pass a service token: CF_ACCESS_CLIENT_ID and CF_ACCESS_CLIENT_SECRET.
import { workerClientHeadersFromEnv } from '../config';
import { postSeeds } from './dev-worker';

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: npm run seed:worker -- https://crosscheck.<subdomain>.workers.dev');
  process.exit(2);
}
const headers = workerClientHeadersFromEnv(process.env);
if (!headers.Authorization)
  console.warn('CROSSCHECK_TOKEN is not set: the Worker will answer 401 (ingesting needs a reviewer).');
await postSeeds(url.replace(/\/+$/, ''), headers);
