// Deployment settings read from the environment, the same names on Node (process.env) and Workers (vars).

import { parsePublicOrigin } from './routes/public-origin';
import type { AppSettings } from './shared/app-env';

const on = (v: string | undefined) => /^(1|true|yes|on)$/i.test(v?.trim() ?? '');

/** A whole number of minutes from 1 to 14 days; unset = the default; anything else refuses to start. */
function minutes(v: string | undefined): number | undefined {
  const text = v?.trim();
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 14 * 24 * 60)
    throw new Error(`SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 20160, not "${text}".`);
  return n;
}

/**
 * SECOND_REVIEWER, ORG_NAME, ORG_URL, READ_REQUIRES_SIGNIN, PUBLIC_ORIGIN, TRUST_REQUEST_ORIGIN,
 * SESSION_IDLE_MINUTES →
 * AppSettings; entries pass the result to createApp({ settings }). Throws on a malformed PUBLIC_ORIGIN or SESSION_IDLE_MINUTES.
 */
export function settingsFromEnv(env: Record<string, string | undefined>): AppSettings {
  return {
    secondReviewer: on(env.SECOND_REVIEWER),
    orgName: env.ORG_NAME?.trim() || undefined,
    orgUrl: env.ORG_URL?.trim() || undefined,
    readRequiresSignin: on(env.READ_REQUIRES_SIGNIN),
    publicOrigin: parsePublicOrigin(env.PUBLIC_ORIGIN),
    trustRequestOrigin: on(env.TRUST_REQUEST_ORIGIN),
    sessionIdleMinutes: minutes(env.SESSION_IDLE_MINUTES),
  };
}

/** The organisation exports name as ClaimReview author when ORG_NAME is not set. */
export const DEFAULT_ORG_NAME = 'crosscheck';
