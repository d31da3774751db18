// Fetching one web resource safely, whatever the runtime: every hop's URL is checked (refusedUrl),
// redirects are followed by hand up to a bound, and the whole exchange has a deadline, a size cap, a
// content-type check and a User-Agent that says who is asking. The transport (node-transport.ts,
// worker-transport.ts) makes one request without following redirects and checks addresses itself.
import { InputError } from '../services/errors';
import { type AddressPolicy, refusedUrl } from './addresses';

export const USER_AGENT =
  'crosscheck/0.1 (news claim cross-checker; fetches the articles and feeds its editors add)';

/** One request, no redirects followed; the body is read by the caller (and cancelled when not needed). */
export interface Hop {
  status: number;
  headers: Headers;
  body: AsyncIterable<Uint8Array> | null;
  cancel(): void;
}
export type Transport = (
  url: URL,
  init: {
    headers: Record<string, string>;
    signal: AbortSignal;
    policy: AddressPolicy;
    /** GET unless said (webhooks POST their body: src/web/post-body.ts). */
    method?: 'GET' | 'POST';
    body?: string;
  },
) => Promise<Hop>;

export interface FetchLimits {
  /** The whole exchange, every hop and the body included (default 10 s). */
  timeoutMs?: number;
  /** Bytes of body after decompression (default 5 MB). */
  maxBytes?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
}

export interface FetchOptions extends FetchLimits {
  transport: Transport;
  /** Content types (without parameters) accepted, e.g. text/html. */
  accept: readonly string[];
  /** Extra request headers (conditional GET: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
  policy?: AddressPolicy;
}

export interface Fetched {
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  headers: Headers;
  contentType: string;
  /** Empty for a 304. */
  bytes: Uint8Array;
}

/** A fetch that failed for a reason the person who gave the URL should read. */
export class FetchError extends InputError {
  override name = 'FetchError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Could not fetch ${url}: ${reason}.`);
  }
}

export const DEFAULT_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

/** Parses a user-given URL, refusing what may never be fetched; throws FetchError. */
export function checkedUrl(raw: string, policy: AddressPolicy = {}): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchError(raw, 'that is not a URL');
  }
  const refused = refusedUrl(url, policy);
  if (refused) throw new FetchError(url.href, refused);
  url.hash = '';
  return url;
}

export async function fetchResource(raw: string, opts: FetchOptions): Promise<Fetched> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULT_LIMITS, ...stripUndefined(opts) };
  const policy = opts.policy ?? {};
  const signal = AbortSignal.timeout(timeoutMs);
  let url = checkedUrl(raw, policy);
  const first = url.href;
  const headers = {
    'User-Agent': USER_AGENT,
    Accept: `${opts.accept.join(', ')};q=1, */*;q=0.1`,
    'Accept-Encoding': 'gzip, deflate, br',
    ...opts.headers,
  };
  try {
    for (let redirects = 0; ; redirects++) {
      const hop = await opts.transport(url, { headers, signal, policy });
      if (hop.status >= 300 && hop.status < 400 && hop.status !== 304) {
        hop.cancel();
        const location = hop.headers.get('location');
        if (!location)
          throw new FetchError(first, `${url.href} redirects (${hop.status}) without a Location`);
        if (redirects >= maxRedirects) throw new FetchError(first, `more than ${maxRedirects} redirects`);
        const next = new URL(location, url);
        const refused = refusedUrl(next, policy);
        if (refused) throw new FetchError(first, `it redirects to ${next.href}, and ${refused}`);
        next.hash = '';
        url = next;
        continue;
      }
      const contentType = (hop.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (hop.status === 304) {
        hop.cancel();
        return { url: url.href, status: 304, headers: hop.headers, contentType, bytes: new Uint8Array() };
      }
      if (hop.status < 200 || hop.status > 299) {
        hop.cancel();
        throw new FetchError(first, `the server answered HTTP ${hop.status}`);
      }
      if (!opts.accept.includes(contentType)) {
        hop.cancel();
        throw new FetchError(
          first,
          `it is ${contentType || 'of no stated type'}, not ${opts.accept.join(' or ')}`,
        );
      }
      const declared = Number(hop.headers.get('content-length') ?? '0');
      if (declared > maxBytes && !hop.headers.get('content-encoding')) {
        hop.cancel();
        throw new FetchError(first, `it is larger than ${formatBytes(maxBytes)}`);
      }
      const bytes = await readCapped(hop, maxBytes, first);
      return { url: url.href, status: hop.status, headers: hop.headers, contentType, bytes };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (signal.aborted) throw new FetchError(first, `no complete answer within ${timeoutMs / 1000} s`);
    const message = err instanceof Error ? err.message : String(err);
    throw new FetchError(first, message.replace(/\.$/, ''));
  }
}

async function readCapped(hop: Hop, maxBytes: number, url: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (hop.body) {
    for await (const chunk of hop.body) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        hop.cancel();
        throw new FetchError(url, `it is larger than ${formatBytes(maxBytes)}`);
      }
      chunks.push(chunk);
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${Math.round(n / 1024)} KB`;

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The body as text: the charset the server names, else a <meta charset> near the top, else UTF-8. */
export function decodeBody(fetched: Fetched): string {
  const header = /charset=["']?([\w-]+)/i.exec(fetched.headers.get('content-type') ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(fetched.bytes.subarray(0, 2048));
  const meta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  const xml = /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1];
  for (const label of [header, meta, xml, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(fetched.bytes);
    } catch {
      // an unknown or unsupported label: try the next
    }
  }
  return new TextDecoder().decode(fetched.bytes);
}
