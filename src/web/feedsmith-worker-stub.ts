// Stands in for feedsmith in the Worker's bundle (wrangler.toml [alias]): feedsmith is ~63 KiB gzip,
// which would take the Worker past its 250 KiB budget. On Workers a feed poll records this as its
// failure; feeds are polled by a Node process (npm start, or npm run feeds -- poll) over the same
// database. README "Feeds" says so.
const UNAVAILABLE =
  'Feeds are not parsed on the Worker (feedsmith does not fit its bundle budget): poll them from Node (npm start or npm run feeds -- poll) against the same database';

export function parseFeed(_body: string): never {
  throw new Error(UNAVAILABLE);
}

export function parseOpml(_body: string): never {
  throw new Error(UNAVAILABLE);
}
