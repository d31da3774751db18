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
