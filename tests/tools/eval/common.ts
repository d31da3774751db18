// Helpers every eval scorer shares: reading a dataset and asking the product's own compare path
// (the one behind POST /api/compare) which conflicts it flags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompareDocument, compareDocuments } from '../../../src/services/compare';

export const readJsonl = <T>(dataDir: string, file: string): T[] =>
  readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export type ConflictLink = ReturnType<typeof compareDocuments>['links'][number];

export const conflictsBetween = (docs: CompareDocument[]): ConflictLink[] =>
  compareDocuments(docs).links.filter((l) => l.relation === 'conflict');

/** The document a stateless-compare claim id ("doc:position") belongs to. */
export const docOf = (claimId: string) => claimId.slice(0, claimId.lastIndexOf(':'));

/** Conflicts flagged between two documents (never within one), as POST /api/compare returns them. */
export const conflictsAcross = (a: CompareDocument, b: CompareDocument): ConflictLink[] =>
  conflictsBetween([a, b]).filter((l) => docOf(l.a) !== docOf(l.b));

export const ratio = (n: number, d: number) => (d ? n / d : 0);
