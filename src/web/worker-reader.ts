// The Worker's web reader: the runtime's fetch, and HTMLRewriter in place of Readability (bundle size).

import { type WebReader, webReader } from './reader';
import { rewriterExtract } from './rewriter-extract';
import { workerTransport } from './worker-transport';

export function workerWebReader(): WebReader {
  return webReader({ transport: workerTransport, extract: rewriterExtract });
}
