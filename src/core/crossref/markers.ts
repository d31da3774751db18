// A claim's own terms of one kind.
import { type TermKind, termsOf } from '../terms';
import type { ClaimForMatching } from '../types';

/** A claim's own terms of a kind. */
export const ownWith = (c: ClaimForMatching, kind: TermKind) => termsOf(c.terms, kind);
