// `npm run measure:stages`: where a Worker invocation's CPU goes, stage by stage, on Node running the
// same service code over the Worker's own database client (@libsql/client/http against a scratch sqld,
// as measure:workerd). workerd gives JavaScript no CPU clock, so this is the breakdown's source: each
// database round trip is metered from the call to its answer (the client's request building, HTTP
// and JSON: what a Worker pays per call), and the rest is the app's own work between them.
// `--cpu-prof` (node) on top gives the app's functions.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client/http';
import { drizzle } from 'drizzle-orm/libsql/http';
import type { Db } from '../../../db/client';
import * as schema from '../../../db/schema';
import { ROOT } from '../../../src/node-db';
import { crossReferenceLinks, upkeepStored } from '../../../src/services/crossref-later';
import { ingestArticles } from '../../../src/services/ingest';
import { findSqld, SQLD_MISSING, startSqld } from '../sqld';
import { cpuClock, cpuNowMs, ecbArchive, quantile, removeArticle, seedArticles } from './cpu-meter';
import { growByCopies } from './grow-archive';

type Call = { what: string; ms: number };
const STAGES = ['request', 'links', 'upkeep'] as const;
type Stage = (typeof STAGES)[number];

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      archive: { type: 'string' },
      /** Grow the archive to this many claims by copying stored articles in SQL (grow-archive.ts). */
      claims: { type: 'string' },
      /** Write .cpuprofile files of the measured runs of one invocation: request, links or upkeep. */
      profile: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const runs = Number(values.runs ?? 30);
  const binary = findSqld();
  if (!binary) throw new Error(SQLD_MISSING);
  const sqld = await startSqld(binary);
  const client = createClient({ url: sqld.url });
  try {
    // Meter every round trip: CPU from the call to its answer (nothing else runs meanwhile).
    const calls: Call[] = [];
    for (const name of ['execute', 'batch'] as const) {
      const fn = client[name].bind(client) as (...a: unknown[]) => Promise<unknown>;
      (client as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        const first = args[0] as { sql?: string } | { sql?: string }[] | string;
        const sql = Array.isArray(first)
          ? `batch[${first.length}] ${first.map((s) => (typeof s === 'string' ? s : (s.sql ?? ''))).join(' ; ')}`
          : typeof first === 'string'
            ? first
            : (first.sql ?? '');
        const t = cpuNowMs();
        try {
          return await fn(...args);
        } finally {
          calls.push({ what: sql.replace(/\s+/g, ' ').slice(0, 110), ms: cpuNowMs() - t });
        }
      };
    }
    const db = drizzle(client, { schema }) as unknown as Db;
    const { probe, others } = seedArticles(ROOT);
    await ingestArticles(db, others);
    const stored = ecbArchive(ROOT, Number(values.archive ?? 300));
    for (let i = 0; i < stored.length; i += 25)
      await ingestArticles(
        db,
        stored.slice(i, i + 25).map((a, k) => ({
          outlet: `Archive ${(i + k) % 12}`,
          title: a.title || `archive ${i + k}`,
          text: a.text,
        })),
      );
    if (values.claims)
      await growByCopies(client, Number(values.claims), { after: others.length, log: console.log });
    const claimCount = Number((await client.execute('select count(*) as n from claims')).rows[0]?.n);
    console.log(
      `archive: ${stored.length + others.length} articles${values.claims ? ' (and copies)' : ''}, ${claimCount} claims; clock: ${cpuClock}\n`,
    );
    const later = async () => {};
    const totals: Record<Stage, number[]> = { request: [], links: [], upkeep: [] };
    const perCall = new Map<string, number[]>();
    const session = values.profile ? new Session() : null;
    const post = (method: string, params?: object) =>
      new Promise<unknown>((res, rej) =>
        session!.post(method, params ?? {}, (err, r) => (err ? rej(err) : res(r))),
      );
    if (session) {
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 100 });
    }
    const profiles: unknown[] = [];
    /** Runs `fn`, profiled when --profile names `which` (a warm run). */
    const profiled = async <T>(which: string, warm: boolean, fn: () => Promise<T>): Promise<T> => {
      if (!session || values.profile !== which || !warm) return fn();
      await post('Profiler.start');
      try {
        return await fn();
      } finally {
        profiles.push(((await post('Profiler.stop')) as { profile: unknown }).profile);
      }
    };
    for (let i = -3; i < runs; i++) {
      calls.length = 0;
      let t = cpuNowMs();
      const [r] = await profiled('request', i >= 0, () =>
        ingestArticles(db, [probe], { crossReferenceLater: later }),
      );
      const requestMs = cpuNowMs() - t;
      const requestCalls = [...calls];
      if (r?.status !== 'created') throw new Error(`probe: ${JSON.stringify(r)}`);
      calls.length = 0;
      t = cpuNowMs();
      const done = await profiled('links', i >= 0, () => crossReferenceLinks(db, r.articleId));
      const linksMs = cpuNowMs() - t;
      if (done.status !== 'done' || !done.upkeep) throw new Error('the links stage found no links');
      const linksCalls = [...calls];
      calls.length = 0;
      t = cpuNowMs();
      await profiled('upkeep', i >= 0, () => upkeepStored(db, r.articleId));
      const upkeepMs = cpuNowMs() - t;
      const upkeepCalls = [...calls];
      await removeArticle(client, r.articleId);
      if (i < 0) continue;
      totals.request.push(requestMs);
      totals.links.push(linksMs);
      totals.upkeep.push(upkeepMs);
      for (const [side, list] of [
        ['request', requestCalls],
        ['links', linksCalls],
        ['upkeep', upkeepCalls],
      ] as const)
        for (const [k, c] of list.entries()) {
          const key = `${side} #${k + 1} ${c.what}`;
          perCall.set(key, [...(perCall.get(key) ?? []), c.ms]);
        }
    }
    const med = (xs: number[]) =>
      quantile(
        [...xs].sort((a, b) => a - b),
        0.5,
      );
    const trips: Record<Stage, number> = { request: 0, links: 0, upkeep: 0 };
    for (const stage of STAGES) {
      console.log(`${stage}: ${med(totals[stage]).toFixed(2)} ms`);
      for (const [key, xs] of perCall) {
        if (!key.startsWith(`${stage} `)) continue;
        trips[stage] += med(xs);
        console.log(`  ${med(xs).toFixed(2).padStart(6)} ms  ${key}`);
      }
    }
    if (profiles.length > 0) {
      const out = values.out ?? 'stages';
      for (const [k, p] of profiles.entries()) writeFileSync(`${out}-${k}.cpuprofile`, JSON.stringify(p));
      console.log(`${profiles.length} profiles written to ${out}-N.cpuprofile`);
    }
    console.log(
      `round trips (medians, summed): ${STAGES.map((st) => `${st} ${trips[st].toFixed(2)} ms`).join(', ')}`,
    );
  } finally {
    client.close();
    sqld.stop();
  }
}

await main();
