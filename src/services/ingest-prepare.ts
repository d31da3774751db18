// The pure half of an ingest: an input cleaned, its claims extracted, its text hashed and its wire-copy
// signature taken. Nothing here reads or writes the database, so the bulk path runs it ahead, in worker
// threads on Node (src/node-compute), while the main thread stores the batch before (ingest-batches.ts).
import { cleanLabel, type ExtractedArticle, looksLikeHtml, wellFormed } from '../core';
import { type CopySignature, copySignature } from '../core/wire-copies';
import type { Compute } from './compute';
import { sha256Hex } from './hash';

export interface IngestInput {
  outlet: string;
  title: string;
  url?: string | null;
  publishedAt?: string | null;
  /** The byline (an article added from the web). */
  author?: string | null;
  text: string;
  /** 'auto' treats input wrapped in markup as HTML. */
  format?: 'auto' | 'text' | 'html';
}

/** An input read for storing (storePrepared, ingest.ts). */
export interface PreparedArticle {
  /** The input as stored (cleanInput). */
  input: IngestInput;
  extracted: ExtractedArticle;
  contentHash: string;
  signature: CopySignature;
}

/**
 * What is stored of an input (issue 19): valid Unicode without control characters in every field;
 * the outlet and title also without invisible and bidirectional characters, so that "Reu\u200Bters"
 * is the outlet Reuters and a title cannot display reversed. (The text's own cleaning is
 * normalizeText's, in extraction.)
 */
export function cleanInput(input: IngestInput): IngestInput {
  return {
    ...input,
    outlet: cleanLabel(input.outlet),
    title: cleanLabel(input.title),
    url: input.url == null ? input.url : cleanLabel(input.url),
    publishedAt: input.publishedAt == null ? input.publishedAt : cleanLabel(input.publishedAt),
    author: input.author == null ? input.author : cleanLabel(input.author) || null,
    text: wellFormed(input.text),
  };
}

/**
 * `raw` read for storing, or null when it has no outlet, no title or no text once cleaned. Throws the
 * InputError of the limits on one document's work (compute.extract, checked where it is extracted).
 */
export async function prepareArticle(raw: IngestInput, compute: Compute): Promise<PreparedArticle | null> {
  const input = cleanInput(raw);
  if (!input.outlet || !input.title) return null;
  const html = input.format === 'html' || (input.format !== 'text' && looksLikeHtml(input.text));
  const extracted = await compute.extract(input.text, { html, label: `The article "${input.title}"` });
  if (extracted.text.trim() === '') return null;
  return {
    input,
    extracted,
    contentHash: await sha256Hex(extracted.text),
    signature: copySignature(extracted.text),
  };
}

/** One input of a bulk batch prepared: the article, null (nothing to store), or why it was refused. */
export type Prepared = PreparedArticle | null | { error: { name: string; message: string } };

/** prepareArticle over a batch, each input's error its own (as plain data, which crosses threads). */
export function prepareEach(inputs: IngestInput[], compute: Compute): Promise<Prepared[]> {
  return Promise.all(
    inputs.map((input) =>
      prepareArticle(input, compute).catch((err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        return { error: { name: e.name, message: e.message } };
      }),
    ),
  );
}
