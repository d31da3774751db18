// Rendered HTML kept as bytes and served with this request's CSP nonce: the page is rendered once
// with a placeholder where the nonce goes, and each response gets the bytes with its own nonce in.
import type { Context } from 'hono';
import { isHttps, PRIVATE_CACHING, securityHeaders } from '../middleware/security';

/**
 * Stands where the nonce goes while rendering. Random per process, and only ever inside the cache
 * (every response replaces it), so no stored text can contain it. Drawn on first use, not at import:
 * workerd refuses random values in a module's global scope, and the Worker would not start.
 */
let placeholder: string | null = null;
export function noncePlaceholder(): string {
  placeholder ??= `nonce${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')}`;
  return placeholder;
}

/** security()'s nonces: 16 bytes in base64. */
const NONCE_LENGTH = 24;
/** Spare response buffers kept per page (see cachedHtmlResponse). */
const SPARE_BUFFERS = 16;

export interface CachedHtml {
  /** The HTML's UTF-8 bytes between the nonce placeholders (one part when there is none). */
  parts: Uint8Array<ArrayBuffer>[];
  /** Byte offsets of the nonce slots in a response of this page (nonces of NONCE_LENGTH). */
  slots: number[];
  /** Response buffers that went out and were sent: their nonce slots are overwritten on reuse. */
  spare: Uint8Array<ArrayBuffer>[];
}

const utf8 = new TextEncoder();

export function cacheHtml(html: string): CachedHtml {
  const parts = html.split(noncePlaceholder()).map((p) => utf8.encode(p) as Uint8Array<ArrayBuffer>);
  const slots: number[] = [];
  let at = 0;
  for (const [i, part] of parts.entries()) {
    if (i > 0) {
      slots.push(at);
      at += NONCE_LENGTH;
    }
    at += part.length;
  }
  return { parts, slots, spare: [] };
}

function assemble(html: CachedHtml, nonce: Uint8Array): Uint8Array<ArrayBuffer> {
  const size = html.parts.reduce((n, p) => n + p.length, 0) + nonce.length * html.slots.length;
  const body = new Uint8Array(size);
  let at = 0;
  for (const [i, part] of html.parts.entries()) {
    if (i > 0) {
      body.set(nonce, at);
      at += nonce.length;
    }
    body.set(part, at);
    at += part.length;
  }
  return body;
}

/** The Node response a request is answered through (@hono/node-server's `outgoing` binding), if any. */
function nodeResponse(c: Context): { once(event: 'finish', listener: () => void): unknown } | null {
  const out = (c.env as { outgoing?: { once?: unknown } } | undefined)?.outgoing;
  return out && typeof out.once === 'function' ? (out as ReturnType<typeof nodeResponse>) : null;
}

/**
 * A 200 with the cached HTML, this request's nonce in it, and every header security() would set,
 * set here as one plain object (see security(): writing them onto a finished Response costs more
 * than the rest of the request).
 *
 * A page with a nonce needs its own bytes per response. A fresh 60 KB buffer per request cost
 * half the queue's throughput (allocation and the garbage collection it drives), so on Node each
 * buffer is reused once its response has been sent: Node emits 'finish' when the last byte has been
 * handed to the operating system, and only then does the buffer go back to the page's spares (a
 * response that never finishes, say a dropped connection, keeps its buffer). Reusing one means
 * writing this response's nonce over the last one's. Elsewhere (Workers, tests) every response gets
 * a new buffer.
 */
export function cachedHtmlResponse(c: Context, html: CachedHtml): Response {
  const nonce = String(c.get('secureHeadersNonce') ?? '');
  let body: Uint8Array<ArrayBuffer>;
  if (html.slots.length === 0) body = html.parts[0] ?? new Uint8Array(0);
  else {
    const bytes = utf8.encode(nonce);
    const out = nonce.length === NONCE_LENGTH && bytes.length === NONCE_LENGTH ? nodeResponse(c) : null;
    if (out) {
      body = html.spare.pop() ?? assemble(html, bytes);
      for (const at of html.slots) body.set(bytes, at);
      const sent = body;
      out.once('finish', () => {
        if (html.spare.length < SPARE_BUFFERS) html.spare.push(sent);
      });
    } else body = assemble(html, bytes);
  }
  c.set('secureHeadersDone', true);
  return new Response(body, {
    status: 200,
    headers: {
      ...securityHeaders(nonce, isHttps(c)),
      ...PRIVATE_CACHING,
      'content-type': 'text/html; charset=UTF-8',
    },
  });
}
