// An app over a fresh migrated database, optionally seeded, plus request helpers for forms and htmx.

import { loadSeeds } from '../../seeds/load';
import { createApp } from '../../src/app';
import type { Compute } from '../../src/services/compute';
import type { AppSettings } from '../../src/shared/app-env';
import { createTestDb, type TestDb } from './db';

export const ORIGIN = 'http://localhost';

export interface TestApp extends TestDb {
  app: ReturnType<typeof createApp>;
}

export async function createTestApp(
  opts: { seed?: boolean; settings?: AppSettings; compute?: Compute } = {},
): Promise<TestApp> {
  const t = await createTestDb();
  if (opts.seed) await loadSeeds(t.db);
  // Absolute URLs (permalinks, exports) as a deployment with PUBLIC_ORIGIN=http://localhost has them.
  const settings = { publicOrigin: ORIGIN, ...opts.settings };
  return { ...t, app: createApp({ db: t.db, settings, compute: opts.compute }) };
}

/** A same-origin form post, as a browser sends it (csrf() checks Origin). */
export function formPost(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { Origin: ORIGIN, ...headers } };
}

export function multipartPost(
  fields: Record<string, string | Blob>,
  headers: Record<string, string> = {},
): RequestInit {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return { method: 'POST', body, headers: { Origin: ORIGIN, ...headers } };
}

export function jsonPost(value: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    body: JSON.stringify(value),
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
  };
}

export const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };

/** Visible text of an HTML document: tags dropped, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
