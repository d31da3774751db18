// How long a new password must and may be (ASVS 2.1): checked by src/auth/password-policy.ts, shown
// by the Users page.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_NEW_PASSWORD_LENGTH = 200;
