// JSON bound as a parameter and expanded by SQLite's JSON functions, with every string well-formed.
import { wellFormed } from '../../src/core/clean';

/**
 * JSON.stringify writes a lone UTF-16 surrogate as an escape ("\udfff"), and SQLite's json_each
 * decodes that escape into bytes that are no UTF-8: stored, they make libSQL's client panic when it
 * reads the row back (issue 19). Valid pairs are written as themselves, so an escape of a surrogate
 * in the output is either a lone one or the text "\ud…" written by someone: then (rarely) the value is
 * written again with every string made well-formed.
 */
export function jsonArg(value: unknown): string {
  const json = JSON.stringify(value);
  return ESCAPED_SURROGATE.test(json) ? JSON.stringify(value, wellFormedStrings) : json;
}
const ESCAPED_SURROGATE = /\\ud[89a-f]/i;
const wellFormedStrings = (_key: string, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v);
