// `npm run measure:recall`: what the candidate budget (MAX_CANDIDATES in total, CANDIDATES_PER_KEY per
// key; db/queries/candidates.ts) costs in links as the archive grows. Held-out ECB+ articles (every
// 11th, so their topics' other reports are stored) and the CNN seed are compared with an archive of the other ECB+ articles, grown by copies in SQL
// (grow-archive.ts) to each size asked for, once with the budget and once with none (every stored claim
// sharing a key), as an ingest would compare them; printed: candidates, the links to stored claims
// each way, the share of the unbudgeted links the budget keeps, and the cross-referencing time. The eval
// sets (`npm run eval`) compare documents in memory and never meet the budget: this is where it shows.
import { parseArgs } from 'node:util';
import { readOne } from '../../../db/queries/batch';
import { type CandidateBudget, candidatesQuery } from '../../../db/queries/candidates';
import { termDfQuery, termStatsOf } from '../../../db/queries/term-stats';
import {
  crossReference,
  entityNames,
  extractArticle,
  type LinkDraft,
  type TermStats,
  termStatsFrom,
  toMatchable,
  weightedTerms,
} from '../../../src/core';
import { ROOT } from '../../../src/node-db';
import { ingestArticles } from '../../../src/services/ingest';
import { createTestDb } from '../../helpers/db';
import { cpuNowMs, ecbArchive, quantile, seedArticles } from './cpu-meter';
import { growByCopies } from './grow-archive';

const UNBOUNDED: CandidateBudget = { total: 1_000_000, perKey: 1_000_000 };

const { values } = parseArgs({
  options: {
    /** Archive sizes in claims, comma-separated (each grown from the one before). */
    claims: { type: 'string' },
    /** Held-out ECB+ articles compared with the archive (besides the CNN seed). */
    probes: { type: 'string' },
  },
});
const sizes = (values.claims ?? '3000,30000,100000').split(',').map(Number);
const probeCount = Number(values.probes ?? 30);

const t = await createTestDb();
try {
  const { probe, others } = seedArticles(ROOT);
  // Every 11th of the first ECB+ articles is held out (its topic's other reports are in the archive).
  const ecb = ecbArchive(ROOT, 300 + probeCount);
  const held = ecb.filter((_, i) => i % 11 === 5).slice(0, probeCount);
  const archive = ecb.filter((a) => !held.includes(a));
  await ingestArticles(t.db, others);
  for (let i = 0; i < archive.length; i += 25)
    await ingestArticles(
      t.db,
      archive.slice(i, i + 25).map((a, k) => ({
        outlet: `Archive ${(i + k) % 12}`,
        title: a.title || `archive ${i + k}`,
        text: a.text,
      })),
    );
  // Claims up to this id are the real reports; above it, the copies grow-archive.ts makes.
  const originals = Number((await t.client.execute('select max(id) as n from claims')).rows[0]?.n ?? 0);
  const probes = [{ title: probe.title, text: probe.text }, ...held].map((p) => {
    const article = extractArticle(p.text);
    const incoming = article.claims.map((c) => toMatchable(c, `p:${c.position}`, 'probe'));
    return { article, incoming, keys: incoming.flatMap((c) => c.keys) };
  });
  console.log(
    `${probes.length} probes (the CNN seed and ${held.length} held-out ECB+ articles) against ${archive.length} ECB+ articles and copies\n`,
  );
  console.log(
    '| claims stored | candidates, budget: median (max) | candidates, none: median (max) | links to stored claims, none | kept with the budget | of them to the real reports (not copies) | kept | cross-referencing, budget / none (median ms) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const med = (xs: number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  for (const size of sizes) {
    const claims = await growByCopies(t.client, size, { after: others.length });
    const counts: Record<'budget' | 'none', number[]> = { budget: [], none: [] };
    const times: Record<'budget' | 'none', number[]> = { budget: [], none: [] };
    let all = 0;
    let kept = 0;
    let real = 0;
    let realKept = 0;
    for (const p of probes) {
      const found: Record<'budget' | 'none', Set<string>> = { budget: new Set(), none: new Set() };
      const terms = await readOne(t.db, termDfQuery(weightedTerms(p.incoming, [])));
      for (const side of ['budget', 'none'] as const) {
        const candidates = await readOne(
          t.db,
          candidatesQuery(p.keys, side === 'none' ? { budget: UNBOUNDED } : {}),
        );
        const stored = termStatsOf(terms, candidates.df);
        const own = termStatsFrom(p.incoming);
        const stats: TermStats = { total: stored.total + own.total, df: (x) => stored.df(x) + own.df(x) };
        const t0 = cpuNowMs();
        const links: LinkDraft[] = crossReference(
          p.incoming,
          candidates.claims,
          stats,
          entityNames([p.article]),
        );
        times[side].push(cpuNowMs() - t0);
        counts[side].push(candidates.claims.length);
        for (const l of links)
          if (l.a.startsWith('p:') !== l.b.startsWith('p:')) found[side].add(`${l.a}|${l.b}|${l.relation}`);
      }
      all += found.none.size;
      for (const k of found.none) {
        const [a, b] = k.split('|');
        const stored = Number(a!.startsWith('p:') ? b : a);
        const hit = found.budget.has(k);
        if (hit) kept++;
        if (stored <= originals) {
          real++;
          if (hit) realKept++;
        }
      }
    }
    const pct = (x: number, of: number) => (of === 0 ? '—' : `${((100 * x) / of).toFixed(1)} %`);
    console.log(
      `| ${claims.toLocaleString('en')} | ${med(counts.budget)} (${Math.max(...counts.budget)}) | ${med(counts.none)} (${Math.max(...counts.none)}) | ${all} | ${kept} (${pct(kept, all)}) | ${real} | ${realKept} (${pct(realKept, real)}) | ${med(times.budget).toFixed(1)} / ${med(times.none).toFixed(1)} |`,
    );
  }
} finally {
  t.cleanup();
}
