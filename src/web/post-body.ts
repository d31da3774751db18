// Sending a body to a URL someone gave (a webhook's target) under the same address rules as fetching
// pages: the URL is checked (refusedUrl), the transport checks the address it connects to (Node: after
// DNS; Workers: Cloudflare's network), redirects are not followed, and the exchange has a deadline.
import type { AddressPolicy } from './addresses';
import { checkedUrl, FetchError, type Transport, USER_AGENT } from './fetch-page';

export interface PostOptions {
  transport: Transport;
  policy?: AddressPolicy;
  /** The whole exchange (default 10 s). */
  timeoutMs?: number;
}

/** POSTs `body`; resolves with the answer's HTTP status, throws FetchError when there was none. */
export async function postBody(
  raw: string,
  body: string,
  headers: Record<string, string>,
  opts: PostOptions,
): Promise<number> {
  const policy = opts.policy ?? {};
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const url = checkedUrl(raw, policy);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const hop = await opts.transport(url, {
      method: 'POST',
      body,
      headers: { 'User-Agent': USER_AGENT, ...headers },
      signal,
      policy,
    });
    hop.cancel();
    return hop.status;
  } catch (err) {
    if (signal.aborted) throw new FetchError(url.href, `no answer within ${timeoutMs / 1000} s`);
    const message = err instanceof Error ? err.message : String(err);
    throw new FetchError(url.href, message.replace(/\.$/, ''));
  }
}
