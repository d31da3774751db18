// npm run eval's seed case: the seed articles compared as POST /api/compare does, and whether the
// links they are known for are found (57 countries vs some 50 partners, and the quote's "about 50").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareDocuments } from '../../../src/services/compare';

export function seedCase() {
  const seeds = join(import.meta.dirname, '../../../seeds');
  const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) as {
    file: string;
    outlet: string;
  }[];
  const result = compareDocuments(
    manifest.map((m, i) => ({
      id: String.fromCharCode(97 + i),
      source: m.outlet,
      text: readFileSync(join(seeds, m.file), 'utf8'),
    })),
  );
  const claimText = new Map(result.claims.map((c) => [c.id, c.text]));
  const describe = (l: (typeof result.links)[number]) =>
    `${l.relation}: ${l.explanation.a?.text} ↔ ${l.explanation.b?.text} (${l.severity})`;
  const has = (relation: string, x: RegExp, y: RegExp) =>
    result.links.some(
      (l) =>
        l.relation === relation &&
        ((x.test(claimText.get(l.a) ?? '') && y.test(claimText.get(l.b) ?? '')) ||
          (y.test(claimText.get(l.a) ?? '') && x.test(claimText.get(l.b) ?? ''))),
    );
  return {
    links: result.links.map(describe),
    conflict57vs50: has('conflict', /57 countries/, /some 50 partners/),
    quoteAgreesWithDod: has('corroboration', /about 50 countries/, /some 50 partners/),
    quoteConflictsWithOwn57: has('conflict', /about 50 countries/, /57 countries/),
  };
}
