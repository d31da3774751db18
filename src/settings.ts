// Deployment settings read from the environment, the same names on Node (process.env) and Workers (vars).
import type { AppSettings } from './routes/app-types';
import { parsePublicOrigin } from './routes/public-origin';

const on = (v: string | undefined) => /^(1|true|yes|on)$/i.test(v?.trim() ?? '');

/**
 * SECOND_REVIEWER, ORG_NAME, ORG_URL, READ_REQUIRES_SIGNIN, PUBLIC_ORIGIN, TRUST_REQUEST_ORIGIN →
 * AppSettings; entries pass the result to createApp({ settings }). Throws on a malformed PUBLIC_ORIGIN.
 */
export function settingsFromEnv(env: Record<string, string | undefined>): AppSettings {
  return {
    secondReviewer: on(env.SECOND_REVIEWER),
    orgName: env.ORG_NAME?.trim() || undefined,
    orgUrl: env.ORG_URL?.trim() || undefined,
    readRequiresSignin: on(env.READ_REQUIRES_SIGNIN),
    publicOrigin: parsePublicOrigin(env.PUBLIC_ORIGIN),
    trustRequestOrigin: on(env.TRUST_REQUEST_ORIGIN),
  };
}

/** The organisation exports name as ClaimReview author when ORG_NAME is not set. */
export const DEFAULT_ORG_NAME = 'crosscheck';
