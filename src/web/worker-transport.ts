// The Workers transport: the runtime's fetch with redirects left to fetch-page.ts, so that every hop's
// URL is checked. Workers cannot resolve names themselves; Cloudflare's network does not route their
// subrequests to private networks or to this machine (README "Adding articles from the web").
import type { Transport } from './fetch-page';

export const workerTransport: Transport = async (url, { headers, signal, method = 'GET', body: sent }) => {
  const res = await fetch(url.href, { method, headers, body: sent, signal, redirect: 'manual' });
  const body = res.body;
  return {
    status: res.status,
    headers: res.headers,
    body: body ? iterate(body) : null,
    cancel: () => {
      body?.cancel().catch(() => {});
    },
  };
};

async function* iterate(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
