// The quotes inside claims, with who said them: a figure inside a quote is the speaker's, not the outlet's.
import type { Db } from '../client';
import { readRows } from './batch';

export interface QuoteOf {
  text: string;
  /** The speaker as the article names them ("Austin"), when the quote is attributed. */
  speaker: string | null;
}

export async function speakersOf(db: Db, ids: number[]): Promise<Map<number, QuoteOf[]>> {
  const out = new Map<number, QuoteOf[]>();
  if (ids.length === 0) return out;
  const rows = await readRows(db, {
    sql: 'select id, quotes from claims where id in (select value from json_each(?))',
    args: [JSON.stringify(ids)],
  });
  for (const r of rows) {
    const quotes = (typeof r.quotes === 'string' ? JSON.parse(r.quotes) : r.quotes) as unknown;
    if (!Array.isArray(quotes)) continue;
    const list: QuoteOf[] = [];
    for (const q of quotes as { text?: unknown; speakerText?: unknown; speaker?: unknown }[]) {
      if (typeof q?.text !== 'string') continue;
      const who = typeof q.speakerText === 'string' ? q.speakerText : null;
      list.push({ text: q.text, speaker: who });
    }
    out.set(Number(r.id), list);
  }
  return out;
}
