// The Node entry's web reader: node:http(s) with checked DNS answers, and Readability.
import type { AddressPolicy } from './addresses';
import type { FetchLimits } from './fetch-page';
import { nodeTransport } from './node-transport';
import { readabilityExtract } from './readability-extract';
import { type WebReader, webReader } from './reader';

export function nodeWebReader(opts: { policy?: AddressPolicy; limits?: FetchLimits } = {}): WebReader {
  return webReader({ transport: nodeTransport, extract: readabilityExtract, ...opts });
}
