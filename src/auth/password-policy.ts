// What a new password must be (ASVS 2.1): at least 12 characters, at most 200, and not one of the
// passwords attackers try first. The list is a slice of @zxcvbn-ts/language-common's common passwords
// (tests/tools/common-passwords.ts says which slice and why); the same check runs on Node and Workers.
import { MAX_NEW_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../shared/password-rules';
import { COMMON_BASES, COMMON_LONG } from './common-passwords.data';
import { frontDecode } from './front-coded';

let long: Set<string> | null = null;
let bases: Set<string> | null = null;

/** A common password, or one made of a common one: repeated, or padded with digits and symbols. */
export function isCommonPassword(password: string): boolean {
  long ??= new Set(frontDecode(COMMON_LONG));
  bases ??= new Set(frontDecode(COMMON_BASES));
  const p = password.toLowerCase();
  if (long.has(p)) return true;
  // Only digits, symbols and spaces, or one character over and over: "123456789012", "!!!!!!!!!!!!".
  if (!/\p{L}/u.test(p) || /^(.)\1*$/u.test(p)) return true;
  const letters = p.replace(/[^\p{L}]/gu, '');
  // "password1234", "qwerty123456", "iloveyou2024!", "monkeymonkey": a common word, the rest padding.
  for (let size = 1; size <= letters.length; size++) {
    if (letters.length % size !== 0) continue;
    const unit = letters.slice(0, size);
    if (unit.repeat(letters.length / size) === letters && (bases.has(unit) || long.has(unit))) return true;
  }
  return false;
}

/** Null when `password` may be set; otherwise what is wrong with it, for the person choosing it. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_NEW_PASSWORD_LENGTH)
    return `The password is too long (${MAX_NEW_PASSWORD_LENGTH} characters at most).`;
  if (isCommonPassword(password))
    return 'That password is one of the most common ones (or made from one): attackers try those first. Choose another, e.g. a few unrelated words.';
  return null;
}
