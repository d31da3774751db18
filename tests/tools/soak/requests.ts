// Every request the soak sends, built in one place: the review posts exactly as the review routes
// accept them (a plain same-origin form post: status/resolution, version, name, note → 303 on
// success, 409 on a stale version), signed in with a session cookie the soak creates. If the review
// routes change, adapt `reviewRequest` / `reviewHeaders` here: the writers and the wrk script both
// take their requests from this file.

export interface SoakRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export type ReviewTarget = { kind: 'claim'; id: number } | { kind: 'link'; id: number };

/** Verdicts each writer cycles through (the enums of CLAIM_STATUSES / LINK_STATUSES in db/schema.ts). */
export const CLAIM_VERDICTS = ['verified', 'disputed', 'false', 'unverifiable'] as const;
export const LINK_VERDICTS = ['a_holds', 'b_holds', 'neither', 'dismissed'] as const;

/** A plain form post answers 303 when the review was stored (and logged): the one success signal. */
export const REVIEW_STORED = 303;
export const REVIEW_STALE = 409;

/** Same-origin form headers, plus the signed-in reviewer's credentials (a session Cookie header). */
export function reviewHeaders(origin: string, auth: Record<string, string>): Record<string, string> {
  return { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', ...auth };
}

export function reviewRequest(
  origin: string,
  target: ReviewTarget,
  version: number,
  n: number,
  reviewer: string,
  auth: Record<string, string>,
): SoakRequest {
  const fields: Record<string, string> =
    target.kind === 'claim'
      ? { status: CLAIM_VERDICTS[n % CLAIM_VERDICTS.length]!, version: String(version) }
      : { resolution: LINK_VERDICTS[n % LINK_VERDICTS.length]!, version: String(version) };
  fields.name = reviewer;
  // The note names the request's own target: a resolution also writes rows for the claims it settles
  // (their implied verdicts, with the same note), and the soak's audit count must tell its own rows apart.
  fields.note = `soak review ${n} of ${target.kind} ${target.id}`;
  return {
    method: 'POST',
    path: target.kind === 'claim' ? `/claims/${target.id}/status` : `/conflicts/${target.id}/resolve`,
    headers: reviewHeaders(origin, auth),
    body: new URLSearchParams(fields).toString(),
  };
}

/** The current version of a review target, read from its JSON twin. */
export function versionRequest(target: ReviewTarget, auth: Record<string, string> = {}): SoakRequest {
  return {
    method: 'GET',
    path: target.kind === 'claim' ? `/api/claims/${target.id}` : `/api/conflicts/${target.id}`,
    headers: { Accept: 'application/json', ...auth },
  };
}
export function versionFrom(target: ReviewTarget, json: unknown): number {
  const j = json as { claim?: { version: number }; link?: { version: number } };
  const v = target.kind === 'claim' ? j.claim?.version : j.link?.version;
  if (typeof v !== 'number') throw new Error(`no version in ${versionRequest(target).path}`);
  return v;
}

/** What wrk cycles through: the dashboard, its fragments, detail pages, and review posts. */
export function dashboardMix(
  origin: string,
  auth: Record<string, string>,
  claims: number[],
  links: number[],
  articles: number[],
): SoakRequest[] {
  const get = (path: string, htmx = false): SoakRequest => ({
    method: 'GET',
    path,
    headers: htmx ? { 'HX-Request': 'true', 'HX-Request-Type': 'partial', ...auth } : { ...auth },
  });
  const mix: SoakRequest[] = [get('/'), get('/?status=all'), get('/?q=countries', true), get('/articles')];
  for (const id of links.slice(0, 4)) mix.push(get(`/conflicts/${id}`));
  for (const id of claims.slice(0, 4)) mix.push(get(`/claims/${id}`), get(`/claims/${id}`, true));
  for (const id of articles.slice(0, 2)) mix.push(get(`/articles/${id}`));
  // Review actions under load: version 1 is stale after the first write, so most answer 409 after
  // reading and checking the row; any that land (303) are counted as stored reviews.
  links.slice(0, 2).forEach((id, n) => {
    mix.push(reviewRequest(origin, { kind: 'link', id }, 1, n, 'wrk soak', auth));
  });
  claims.slice(0, 2).forEach((id, n) => {
    mix.push(reviewRequest(origin, { kind: 'claim', id }, 1, n, 'wrk soak', auth));
  });
  return mix;
}
