// Loads seeds/manifest.json through the ingest service; idempotent, since a stored text is a duplicate.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client';
import { InputError } from '../src/services/errors';
import { type IngestResult, ingestArticles } from '../src/services/ingest';

export interface ManifestEntry {
  file: string;
  outlet: string;
  title?: string;
  url?: string | null;
  published?: string | null;
  publishedAt?: string | null;
  format?: 'auto' | 'text' | 'html';
}

export const SEEDS_MANIFEST = resolve(dirname(fileURLToPath(import.meta.url)), 'manifest.json');

export async function readManifest(path: string): Promise<ManifestEntry[]> {
  const entries = JSON.parse(await readFile(path, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${path}: expected a JSON array of {file, outlet, title?}`);
  for (const e of entries) {
    if (!e || typeof e.file !== 'string' || typeof e.outlet !== 'string') {
      throw new Error(`${path}: every entry needs "file" and "outlet"`);
    }
  }
  return entries as ManifestEntry[];
}

/** Articles per ingest batch: one candidate lookup and one atomic insert for each group. */
const BATCH = 25;

/**
 * Ingests every manifest entry in order, BATCH articles at a time through the bulk path;
 * `onProgress` hears about each article as it is stored. An entry whose text is empty once cleaned
 * stops the load with an InputError naming it (the entries before it are stored).
 */
export async function loadManifest(
  db: Db,
  path: string,
  onProgress?: (entry: ManifestEntry, result: IngestResult) => void,
): Promise<IngestResult[]> {
  const base = dirname(path);
  const results: IngestResult[] = [];
  const entries = await readManifest(path);
  for (let i = 0; i < entries.length; i += BATCH) {
    const group = entries.slice(i, i + BATCH);
    const inputs = await Promise.all(
      group.map(async (entry) => ({
        outlet: entry.outlet,
        title: entry.title ?? entry.file.replace(/\.[^.]+$/, ''),
        url: entry.url ?? null,
        publishedAt: entry.publishedAt ?? entry.published ?? null,
        text: await readFile(resolve(base, entry.file), 'utf8'),
        format: entry.format ?? (/\.html?$/i.test(entry.file) ? ('html' as const) : ('auto' as const)),
      })),
    );
    for (const [j, result] of (await ingestArticles(db, inputs)).entries()) {
      const entry = group[j]!;
      if (result.status === 'invalid') throw new InputError(`${entry.file}: ${result.message}`);
      onProgress?.(entry, result);
      results.push(result);
    }
  }
  return results;
}

export const loadSeeds = (db: Db, onProgress?: (entry: ManifestEntry, result: IngestResult) => void) =>
  loadManifest(db, SEEDS_MANIFEST, onProgress);
