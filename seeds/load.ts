// Loads seeds/manifest.json through the ingest service; idempotent, since a stored text is a duplicate.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client';
import { type IngestResult, ingestArticle } from '../src/services/ingest';

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

/** Ingests every manifest entry in order; `onProgress` hears about each article as it is stored. */
export async function loadManifest(
  db: Db,
  path: string,
  onProgress?: (entry: ManifestEntry, result: IngestResult) => void,
): Promise<IngestResult[]> {
  const base = dirname(path);
  const results: IngestResult[] = [];
  for (const entry of await readManifest(path)) {
    const text = await readFile(resolve(base, entry.file), 'utf8');
    const result = await ingestArticle(db, {
      outlet: entry.outlet,
      title: entry.title ?? entry.file.replace(/\.[^.]+$/, ''),
      url: entry.url ?? null,
      publishedAt: entry.publishedAt ?? entry.published ?? null,
      text,
      format: entry.format ?? (/\.html?$/i.test(entry.file) ? 'html' : 'auto'),
    });
    onProgress?.(entry, result);
    results.push(result);
  }
  return results;
}

export const loadSeeds = (db: Db, onProgress?: (entry: ManifestEntry, result: IngestResult) => void) =>
  loadManifest(db, SEEDS_MANIFEST, onProgress);
