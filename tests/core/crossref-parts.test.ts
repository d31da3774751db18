// Cross-referencing in parts (src/core/crossref/parts.ts): the stored claims cut into chunks, each part
// stored as JSON between Worker invocations, then joined. Joined, the parts must give the links
// crossReference gives, in its order, whatever the chunk size: over the seeds ingested in turn, real
// text where the article-wide rule agreed-elsewhere decides across chunks, and the ECB+ dev topics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  type CrossReferencePart,
  crossReference,
  crossReferencePart,
  entityNames,
  extractArticle,
  joinParts,
  type LinkDraft,
  termStatsFrom,
  toMatchable,
} from '../../src/core';
import { evalDir, SEEDS_DIR } from '../tools/fingerprint/fingerprint-corpus';

interface Doc {
  id: string;
  text: string;
}

/** Each document's claims compared with the earlier ones' as stored: whole, and in parts of `size`. */
function ingestBoth(docs: Doc[], size: number) {
  const stored: ClaimForMatching[] = [];
  const whole: LinkDraft[][] = [];
  const inParts: LinkDraft[][] = [];
  const concatenated: LinkDraft[][] = [];
  for (const d of docs) {
    const article = extractArticle(d.text);
    const claims = article.claims.map((c) => toMatchable(c, `${d.id}:${c.position}`, d.id));
    const stats = termStatsFrom([...claims, ...stored]);
    const names = entityNames([article]);
    whole.push(crossReference(claims, stored, stats, names));
    const parts: CrossReferencePart[] = [];
    // At least one part, for the incoming claims' pairs among themselves, as the Worker does.
    for (let offset = 0; offset === 0 || offset < stored.length; offset += size) {
      const part = crossReferencePart(claims, stored.slice(offset, offset + size), stats, names, {
        offset,
        ownPairs: offset === 0,
      });
      // Stored between invocations as JSON.
      parts.push(JSON.parse(JSON.stringify(part)) as CrossReferencePart);
    }
    inParts.push(joinParts(parts));
    concatenated.push(parts.flatMap((p) => p.links.map((l) => l.link)));
    stored.push(...claims);
  }
  return { whole, inParts, concatenated };
}

/** As stored (JSON: an open interval's Infinity is null there as in the links table). */
const asStored = (links: LinkDraft[][]) => JSON.parse(JSON.stringify(links)) as unknown;
const conflicts = (links: LinkDraft[][]) => links.flat().filter((l) => l.relation === 'conflict').length;

describe('cross-referencing in parts', () => {
  it('the seeds ingested in turn: the same links in the same order, for any chunk size', () => {
    const manifest = JSON.parse(readFileSync(join(SEEDS_DIR, 'manifest.json'), 'utf8')) as { file: string }[];
    const docs = manifest.map((m, i) => ({
      id: `s${i}`,
      text: readFileSync(join(SEEDS_DIR, m.file), 'utf8'),
    }));
    for (const size of [1, 5, 40, 1000]) {
      const { whole, inParts } = ingestBoth(docs, size);
      expect(whole.flat().length).toBeGreaterThan(0);
      expect(asStored(inParts)).toEqual(asStored(whole));
    }
  });

  it('the article-wide rules decide across chunks when the parts are joined', () => {
    // SummEdits ectsum_RS_q3_2020: guidance for the fourth quarter against the third quarter's figure,
    // answered by the call's own statement of the guidance (agreed-elsewhere).
    const reliance = ingestBoth(
      [
        {
          id: 'call',
          text: 'Based on these expectations, we currently anticipate non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for the fourth quarter of 2020. On a GAAP basis, our earnings per diluted share were $1.51 in the third quarter 2020.',
        },
        {
          id: 'summary',
          text: 'Reliance anticipates non-GAAP earnings per diluted share from $1.30 to $1.40 for Q4 2020 and has seen a decrease in net sales for Q3 2020 because of decreased pricing and demand levels.',
        },
      ],
      1,
    );
    expect(asStored(reliance.inParts)).toEqual(asStored(reliance.whole));
    expect(conflicts(reliance.whole)).toBe(0);
    expect(conflicts(reliance.concatenated)).toBeGreaterThan(0);
  });

  it.skipIf(!evalDir())(
    'the ECB+ dev topics ingested in turn: the same links in the same order',
    () => {
      const ecb = readFileSync(join(evalDir()!, 'ecbplus/ecbplus_dev.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { doc_id: string; topic: number; title: string; text: string });
      const topics = new Map<number, Doc[]>();
      for (const d of ecb)
        topics.set(d.topic, [
          ...(topics.get(d.topic) ?? []),
          { id: d.doc_id, text: `${d.title}\n${d.text}` },
        ]);
      let links = 0;
      for (const docs of topics.values()) {
        const { whole, inParts } = ingestBoth(docs, 7);
        expect(asStored(inParts)).toEqual(asStored(whole));
        links += whole.flat().length;
      }
      expect(links).toBeGreaterThan(100);
    },
    180_000,
  );
});
