// `npm run eval:stories`: how well stories group the ECB+ dev articles by real incident. Every article
// (509 reports of 48 incidents, two incidents of one kind per topic) is ingested through the product's
// own path into a scratch database; then the stories are grouped from the stored pair evidence
// (db/queries/stories.ts) under the story rules before it (one fact and one common entity; then two
// facts or a share of the entities, whatever the fact) and under `isStoryEdge`
// (src/services/story-model.ts), and, for each, the stories that mix incidents, and pairwise: article
// pairs in one story that report one incident (of all such pairs) and that do not. The last tables try
// the rule's two entity-overlap thresholds; the stored stories must equal "now".
//   --data DIR  the eval folder (default ../shared/eval)
//   --db FILE   keep the scratch database there and reuse it when it exists (default: a temp file)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allStoryPairs, type PairEvidence } from '../../../db/queries/stories';
import { openNodeDb } from '../../../src/node-db';
import { ingestArticle } from '../../../src/services/ingest';
import {
  isStoryEdge,
  STORY_ENTITY_OVERLAP,
  STORY_ENTITY_OVERLAP_DISPUTED,
  storyAssignments,
} from '../../../src/services/story-model';
import { readJsonl } from './common';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(
  arg('--data') ?? process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval'),
);
interface EcbDoc {
  doc_id: string;
  topic: number;
  subtopic: string;
  title: string;
  text: string;
}
const docs = readJsonl<EcbDoc>(dataDir, 'ecbplus/ecbplus_dev.jsonl');
const scratch = arg('--db') ? null : mkdtempSync(join(tmpdir(), 'crosscheck-stories-'));
const file = resolve(arg('--db') ?? join(scratch!, 'stories.db'));
const fresh = !existsSync(file);
const { db, client, close } = await openNodeDb(`file:${file}`);
try {
  if (fresh) {
    const started = performance.now();
    // One outlet per report (ECB+ names none); the first sentence ("title") is the lede, part of the body.
    for (const d of docs)
      await ingestArticle(db, { outlet: `ECB+ ${d.doc_id}`, title: d.title, text: `${d.title}\n${d.text}` });
    console.log(
      `ingested ${docs.length} ECB+ dev articles in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const byOutlet = new Map(docs.map((d) => [`ECB+ ${d.doc_id}`, d]));
  const rows = (
    await client.execute(
      'select a.id, a.story_id, s.name from articles a join sources s on s.id = a.source_id',
    )
  ).rows;
  const docOf = new Map(rows.map((r) => [Number(r.id), byOutlet.get(String(r.name))!]));
  const stored = new Map(rows.map((r) => [Number(r.id), r.story_id === null ? null : Number(r.story_id)]));
  const { pairs } = await allStoryPairs(db);

  let sameIncidentPairs = 0;
  const perIncident = new Map<string, number>();
  for (const d of docs) perIncident.set(d.subtopic, (perIncident.get(d.subtopic) ?? 0) + 1);
  for (const n of perIncident.values()) sameIncidentPairs += (n * (n - 1)) / 2;

  const grouped = (edge: (p: PairEvidence) => boolean) => {
    const none = new Map<number, number | null>([...docOf.keys()].map((a) => [a, null]));
    const moved = storyAssignments(
      none,
      pairs.filter(edge).map((p) => [p.a, p.b] as const),
    );
    return new Map([...none].map(([a]) => [a, moved.get(a) ?? null]));
  };
  const score = (stories: Map<number, number | null>) => {
    const members = new Map<number, number[]>();
    for (const [a, s] of stories) if (s !== null) members.set(s, [...(members.get(s) ?? []), a]);
    const groups = [...members.values()];
    const incidents = (g: number[]) => new Set(g.map((a) => docOf.get(a)!.subtopic)).size;
    const topics = (g: number[]) => new Set(g.map((a) => docOf.get(a)!.topic)).size;
    let together = 0;
    let apart = 0;
    for (const g of groups)
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++)
          if (docOf.get(g[i]!)!.subtopic === docOf.get(g[j]!)!.subtopic) together++;
          else apart++;
    return {
      stories: groups.length,
      mixed: groups.filter((g) => incidents(g) > 1).length,
      mixedTopics: groups.filter((g) => topics(g) > 1).length,
      articles: groups.reduce((n, g) => n + g.length, 0),
      together,
      apart,
      mixes: groups
        .filter((g) => incidents(g) > 1)
        .map((g) => {
          const n = new Map<string, number>();
          for (const a of g) n.set(docOf.get(a)!.subtopic, (n.get(docOf.get(a)!.subtopic) ?? 0) + 1);
          return [...n].map(([k, v]) => `${k}×${v}`).join(' + ');
        }),
    };
  };
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
  const line = (name: string, s: ReturnType<typeof score>) => {
    const precision = s.together / (s.together + s.apart || 1);
    const recall = s.together / sameIncidentPairs;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(
      `${name.padEnd(34)} ${String(s.stories).padStart(7)} ${String(s.mixed).padStart(6)} ${String(s.mixedTopics).padStart(6)} ${String(s.articles).padStart(8)}   ${`${s.together}/${sameIncidentPairs} ${pct(s.together, sameIncidentPairs)}`.padEnd(18)} ${String(s.apart).padStart(5)}  ${pct(s.together, s.together + s.apart).padStart(7)}  ${f1.toFixed(3)}`,
    );
  };
  const jaccard = (p: PairEvidence) => p.shared / (p.entitiesA + p.entitiesB - p.shared || 1);
  // The rule with other thresholds: the share of entities with a telling agreement, and without.
  const rule = (agreed: number, disputed: number) => (p: PairEvidence) =>
    p.shared >= 1 && (p.facts >= 2 || jaccard(p) >= (p.agreed >= 1 ? agreed : disputed));
  const before = score(grouped((p) => p.shared >= 1));
  const session10 = score(grouped(rule(STORY_ENTITY_OVERLAP, STORY_ENTITY_OVERLAP)));
  const now = score(grouped(isStoryEdge));
  console.log(
    `ECB+ dev: ${docs.length} articles, ${perIncident.size} incidents, ${sameIncidentPairs} same-incident article pairs; ${pairs.length} article pairs a fact links\n`,
  );
  console.log(
    `${'rule'.padEnd(34)} stories  mixed  mixed   articles   same-incident pairs  other  pairwise  F1\n${''.padEnd(34)}         incid. topics  in one   together           pairs  precision`,
  );
  line('1 fact + 1 common entity', before);
  line(`2 facts, or Jaccard ≥ ${STORY_ENTITY_OVERLAP}`, session10);
  line(`now: … ≥ ${STORY_ENTITY_OVERLAP} agreeing, else ${STORY_ENTITY_OVERLAP_DISPUTED}`, now);
  console.log(`\nstories mixing incidents, 1 fact + 1 entity: ${before.mixes.join('; ')}`);
  console.log(`stories mixing incidents, 2 facts or Jaccard: ${session10.mixes.join('; ') || 'none'}`);
  console.log(`stories mixing incidents now: ${now.mixes.join('; ') || 'none'}`);
  console.log(
    `\none fact agreed on a telling figure: the share of the entities either names (disputed: ${STORY_ENTITY_OVERLAP_DISPUTED})`,
  );
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3])
    line(`  Jaccard ≥ ${t.toFixed(2)}`, score(grouped(rule(t, STORY_ENTITY_OVERLAP_DISPUTED))));
  console.log(`\none fact only disputed (or a small count): the share (agreeing: ${STORY_ENTITY_OVERLAP})`);
  for (const t of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5])
    line(`  Jaccard ≥ ${t.toFixed(2)}`, score(grouped(rule(STORY_ENTITY_OVERLAP, t))));
  const differ = [...stored].filter(([a, s]) => {
    const expected = grouped(isStoryEdge).get(a) ?? null;
    return fresh && (s === null) !== (expected === null);
  }).length;
  if (fresh)
    console.log(`\nstored stories (kept at ingest) that differ from the rebuild: ${differ} articles`);
} finally {
  close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
