// npm run eval's throughput figures: how fast extraction reads the ECB+ dev documents.
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../../../src/core';

/** Extraction speed over `texts` (median of runs; `quick`: 3 runs, else 7), and the cost of one 1,000-word article. */
export function throughput(texts: string[], quick: boolean) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const runs: number[] = [];
  for (let r = 0; r < (quick ? 3 : 7); r++) {
    const t0 = performance.now();
    for (const t of texts) extractArticle(t);
    runs.push((performance.now() - t0) / 1000);
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)]!;
  // A 1,000-word article: the per-ingest extraction cost on the Workers CPU budget.
  const words = texts.join(' ').split(/\s+/);
  const article = words.slice(0, 1000).join(' ');
  const per: number[] = [];
  for (let r = 0; r < 31; r++) {
    const t0 = performance.now();
    extractArticle(article);
    per.push(performance.now() - t0);
  }
  per.sort((a, b) => a - b);
  return { megabytes: bytes / 1e6, mbPerSecond: bytes / 1e6 / median, extract1000WordsMs: per[15]! };
}
