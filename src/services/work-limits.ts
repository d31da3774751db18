// The work one request may cause (issue 19), beyond the text limits of src/middleware/limits: every
// limit is said in the 413/422 that enforces it, and README "Limits" lists them.
import { InputError } from './errors';

/** Claims read from one article or compared document; a news article has tens, rarely hundreds. */
export const MAX_CLAIMS_PER_DOCUMENT = 2000;

/** Throws a 422 that says the limit when a document holds more claims than one request may read. */
export function checkClaimCount(claims: number, what: string): void {
  if (claims > MAX_CLAIMS_PER_DOCUMENT)
    throw new InputError(
      `${what} holds ${claims.toLocaleString('en')} claims; at most ${MAX_CLAIMS_PER_DOCUMENT.toLocaleString('en')} are read from one document. Split it.`,
    );
}

/**
 * Figures read from one article or compared document. News states one every hundred or two hundred
 * bytes (1 MB: some thousands); a text of nothing but figures ("5% " repeated: 350,000 in 1 MB) made a
 * compare answer of a hundred megabytes, which the event loop then had to send.
 */
export const MAX_FIGURES_PER_DOCUMENT = 20_000;

/** The limits on what one document may make a request do: claims, then figures (422s that say them). */
export function checkDocumentWork(claims: readonly { quantities: readonly unknown[] }[], what: string): void {
  checkClaimCount(claims.length, what);
  let figures = 0;
  for (const c of claims) figures += c.quantities.length;
  if (figures > MAX_FIGURES_PER_DOCUMENT)
    throw new InputError(
      `${what} states ${figures.toLocaleString('en')} figures; at most ${MAX_FIGURES_PER_DOCUMENT.toLocaleString('en')} are read from one document. Split it.`,
    );
}
