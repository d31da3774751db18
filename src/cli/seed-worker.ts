// `npm run seed:worker -- https://crosscheck.<subdomain>.workers.dev`: posts seeds/ to a deployed
// crosscheck through its JSON API (idempotent: a stored text is reported as a duplicate).
// Ingesting needs a reviewer's API token: CROSSCHECK_TOKEN (mint one on the Users page).
// Behind Cloudflare Access, also pass a service token: CF_ACCESS_CLIENT_ID and CF_ACCESS_CLIENT_SECRET.
import { postSeeds } from './dev-worker';

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: npm run seed:worker -- https://crosscheck.<subdomain>.workers.dev');
  process.exit(2);
}
const headers: Record<string, string> = {};
if (process.env.CROSSCHECK_TOKEN) headers.Authorization = `Bearer ${process.env.CROSSCHECK_TOKEN}`;
else console.warn('CROSSCHECK_TOKEN is not set: the Worker will answer 401 (ingesting needs a reviewer).');
if (process.env.CF_ACCESS_CLIENT_ID && process.env.CF_ACCESS_CLIENT_SECRET) {
  headers['CF-Access-Client-Id'] = process.env.CF_ACCESS_CLIENT_ID;
  headers['CF-Access-Client-Secret'] = process.env.CF_ACCESS_CLIENT_SECRET;
}
await postSeeds(url.replace(/\/+$/, ''), headers);
