// The pure, CPU-heavy steps of a request, behind one interface so that the entry chooses where they
// run (issue 19). By default here, in the request's own thread: the Worker's invocations have their CPU
// bounded by Cloudflare, and the CLI and tests have nobody else to hold up. Node's entry passes a
// worker-thread pool (src/node-compute/pool.ts) that runs large inputs off the event loop, so one
// heavy request does not stall the others (docs/performance.md "Stall bound").
import { type ExtractedArticle, extractArticle } from '../core';
import { type CompareDocument, compareDocuments } from './compare';

export interface Compute {
  /** extractArticle(text, { html }). */
  extract(text: string, options: { html: boolean }): Promise<ExtractedArticle>;
  /**
   * compareDocuments(documents, options) as JSON: the stateless compare of POST /api/compare. As text,
   * so that a thread also does the serialising (seven megabytes for 1 MB of figure-dense text).
   */
  compareJson(documents: CompareDocument[], options: { explain?: boolean }): Promise<string>;
}

/** Runs the work in the caller's thread. */
export const inThreadCompute: Compute = {
  extract: async (text, options) => extractArticle(text, options),
  compareJson: async (documents, options) => JSON.stringify(compareDocuments(documents, options)),
};
