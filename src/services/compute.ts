// The pure, CPU-heavy steps of a request, behind one interface so that the entry chooses where they
// run (issue 19). By default here, in the request's own thread: the Worker's invocations have their CPU
// bounded by Cloudflare, and the CLI and tests have nobody else to hold up. Node's entry passes a
// worker-thread pool (src/node-compute/pool.ts) that runs large inputs off the event loop, so one
// heavy request does not stall the others (docs/performance.md "Stall bound").
import { type ExtractedArticle, extractArticle } from '../core';
import { type CompareDocument, compareDocuments } from './compare';
import type { IngestInput, Prepared } from './ingest-prepare';
import { checkDocumentWork } from './work-limits';

export interface Compute {
  /**
   * extractArticle(text, { html }), refused (InputError, a 422 naming `label`) beyond the limits on one
   * document's work (work-limits.ts): checked where it is extracted, so an oversized result never
   * crosses back from a thread.
   */
  extract(text: string, options: ExtractWorkOptions): Promise<ExtractedArticle>;
  /**
   * compareDocuments(documents, options) as JSON: the stateless compare of POST /api/compare. As text,
   * so that a thread also does the serialising (seven megabytes for 1 MB of figure-dense text).
   */
  compareJson(documents: CompareDocument[], options: { explain?: boolean }): Promise<string>;
  /**
   * prepareEach(inputs) (ingest-prepare.ts) somewhere else, for the bulk path (ingest-batches.ts) to
   * store one batch while the next is read: Node's worker threads. Absent, or failing as a whole (a
   * busy or stopped pool), the bulk path prepares here.
   */
  prepareEach?(inputs: IngestInput[]): Promise<Prepared[]>;
}

export interface ExtractWorkOptions {
  html: boolean;
  /** What the text is, for the 422 ("The article \"…\""). */
  label: string;
}

/** Runs the work in the caller's thread. */
export const inThreadCompute: Compute = {
  extract: async (text, { html, label }) => {
    const article = extractArticle(text, { html });
    checkDocumentWork(article.claims, label);
    return article;
  },
  compareJson: async (documents, options) => JSON.stringify(compareDocuments(documents, options)),
};
