// What makes a sentence a claim (kind.ts), the terms it is matched on (sentence-terms.ts, calendar.ts),
// and the keys it is blocked under (keys.ts).

import type { Claim, ClaimForMatching } from '../types';

export { dateOf, monthOf, weekdayOf, yearOf } from './calendar';
export { anchorFigure, blockingKeys, contentStem, QUOTE_MIN_WORDS, quoteWordsKey } from './keys';
export { checkworthiness, claimKind } from './kind';
export { sentenceTerms } from './sentence-terms';

/** The matcher's view of a claim. */
export function toMatchable(claim: Claim, ref: string, article: string): ClaimForMatching {
  return {
    ref,
    article,
    kind: claim.kind,
    text: claim.text,
    quantities: claim.quantities,
    quotes: claim.quotes,
    entities: claim.entities,
    terms: claim.terms,
    contextTerms: claim.contextTerms,
    keys: claim.keys,
  };
}
