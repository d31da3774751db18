// A soak writer: keeps reviewing its targets with the version it last saw (fetching it again after a
// 409 or a failure) until the deadline, and tallies what the server answered.
import {
  REVIEW_STALE,
  REVIEW_STORED,
  type ReviewTarget,
  reviewRequest,
  type SoakRequest,
  versionFrom,
  versionRequest,
} from './requests';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function send(base: string, r: SoakRequest): Promise<Response> {
  return fetch(new URL(r.path, base), {
    method: r.method,
    headers: r.headers,
    body: r.body,
    redirect: 'manual',
  });
}

export interface WriterTally {
  stored: number;
  stale: number;
  limited: number;
  other: Record<string, number>;
  failed: number;
  requests: number;
}

/** One writer: keeps reviewing its targets with the current version until the deadline. */
export async function writer(
  base: string,
  origin: string,
  auth: Record<string, string>,
  targets: ReviewTarget[],
  deadline: number,
  name: string,
) {
  const t: WriterTally = { stored: 0, stale: 0, limited: 0, other: {}, failed: 0, requests: 0 };
  const versions = new Map<ReviewTarget, number>();
  let n = 0;
  while (Date.now() < deadline) {
    const target = targets[n % targets.length]!;
    try {
      let version = versions.get(target);
      if (version === undefined) {
        t.requests++;
        const res = await send(base, versionRequest(target, auth));
        if (!res.ok) {
          t.other[res.status] = (t.other[res.status] ?? 0) + 1;
          await res.arrayBuffer();
          await sleep(50);
          continue;
        }
        version = versionFrom(target, await res.json());
      }
      t.requests++;
      const res = await send(base, reviewRequest(origin, target, version, n, name, auth));
      await res.arrayBuffer();
      if (res.status === REVIEW_STORED) {
        t.stored++;
        versions.set(target, version + 1);
      } else {
        versions.delete(target);
        if (res.status === REVIEW_STALE) t.stale++;
        else if (res.status === 429) t.limited++;
        else t.other[res.status] = (t.other[res.status] ?? 0) + 1;
      }
    } catch {
      t.failed++;
      versions.delete(target);
      await sleep(50);
    }
    n++;
  }
  return t;
}
