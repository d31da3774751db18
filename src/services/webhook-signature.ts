// A webhook's signature: HMAC-SHA256 with the subscription's secret over "<timestamp>.<body>", in hex,
// sent as `X-Crosscheck-Signature: sha256=<hex>` beside `X-Crosscheck-Timestamp: <timestamp>`. Web
// Crypto, so Node and workerd sign alike; docs/webhooks.md shows a receiver checking it.
const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

export const SIGNATURE_HEADER = 'X-Crosscheck-Signature';
export const TIMESTAMP_HEADER = 'X-Crosscheck-Timestamp';

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. */
export async function signBody(secret: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `sha256=${hex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${body}`)))}`;
}

/** A new subscription's secret: 32 random bytes, base64url, with a prefix that says what it is. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
}
