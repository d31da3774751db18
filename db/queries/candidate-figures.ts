// A stored claim's figures as the cross-referencer sees them, decoded once while the claim keeps being a
// candidate: a bulk ingest of one story meets the same stored claims batch after batch.
import type { Quantity } from '../../src/core';
import { type QuantityJson, quantityFromJson } from './quantities';

interface Decoded {
  text: string;
  /** The figures as read back (quantityJsonSql's JSON), to tell that they are still the stored ones. */
  json: string;
  quantities: Quantity[];
}

/**
 * By claim id. The cross-referencer remembers what it reads of each figure (its surroundings, frame and
 * phrases: src/core/crossref's WeakMaps, keyed by the quantity object), so handing it the same objects
 * again spares that reading; a fresh decode in every batch made it read them again (session 17).
 */
const DECODED = new Map<number, Decoded>();
/** Claims remembered at most (a batch reads up to MAX_CANDIDATES): cleared when full, as classOf's. */
const DECODED_LIMIT = 4096;

/**
 * The quantities of stored claim `id`, in the order of their place in the sentence: the objects decoded
 * for it before when its text and figures read back the same, else decoded now.
 */
export function candidateFigures(id: number, text: string, figures: QuantityJson[]): Quantity[] {
  const json = JSON.stringify(figures);
  const known = DECODED.get(id);
  if (known && known.text === text && known.json === json) return known.quantities;
  const quantities = figures.map(quantityFromJson);
  quantities.sort((x, y) => x.start - y.start);
  if (DECODED.size >= DECODED_LIMIT) DECODED.clear();
  DECODED.set(id, { text, json, quantities });
  return quantities;
}
