// Marker terms: people, years, days, weekdays, months, speakers and article-level keys, which test
// identity but are never similarity evidence.
import type { ClaimForMatching } from '../types';

/** Marker terms (people, years, days, weekdays, months, speakers) that test identity but are not content. */
export const MARKER = /^[pydwWAFPQRmtTs]:/;
/**
 * Article-level markers in a claim's context (`W:` `A:` `F:` `P:` `Q:` `R:` `T:`, i.e. /^[WAFPQRT]:/):
 * identity tests only, never similarity evidence. Tested by character codes: it runs once per context
 * term, and a stored claim has hundreds.
 */
export function isArticleMarker(t: string): boolean {
  if (t.charCodeAt(1) !== 58) return false;
  switch (t.charCodeAt(0)) {
    case 87: // W
    case 65: // A
    case 70: // F
    case 80: // P
    case 81: // Q
    case 82: // R
    case 84: // T
      return true;
    default:
      return false;
  }
}

/** A claim's own terms with a prefix. */
export const ownWith = (c: ClaimForMatching, prefix: string) => c.terms.filter((t) => t.startsWith(prefix));
