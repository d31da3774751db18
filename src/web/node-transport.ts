// The Node transport: one request over node:http(s), whose connection may only go to an address
// refusedAddress allows. The check sits in the socket's DNS lookup, so the address checked is the
// address connected to (no second lookup a rebinding DNS server could answer differently).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { type AddressPolicy, addressOf, refusedAddress } from './addresses';
import type { Hop, Transport } from './fetch-page';

class RefusedAddressError extends Error {}

/** dns.lookup, refusing the host when any address it resolves to is refused. */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0)
        return callback(new Error(`${hostname} has no address`) as NodeJS.ErrnoException, '', 0);
      for (const a of addresses) {
        const refused = refusedAddress(a.address, policy);
        if (refused) return callback(new RefusedAddressError(`${hostname} resolves to ${refused}`), '', 0);
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export const nodeTransport: Transport = (url, { headers, signal, policy, method = 'GET', body }) =>
  new Promise<Hop>((resolve, reject) => {
    // An address in the URL is never looked up: check it here (refusedUrl did too; this is the socket's view).
    const literal = addressOf(url);
    const refused = literal ? refusedAddress(literal, policy) : null;
    if (refused) return reject(new Error(refused));
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // A body goes with its length (not chunked): some receivers refuse chunked uploads.
    const sent =
      body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
    const req = request(url, { method, headers: sent, signal, lookup: guardedLookup(policy) }, (res) => {
      resolve(hopOf(res));
    });
    req.on('error', (err) => reject(err instanceof RefusedAddressError ? new Error(err.message) : err));
    req.end(body);
  });

function hopOf(res: IncomingMessage): Hop {
  const headers = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (Array.isArray(v)) for (const one of v) headers.append(k, one);
    else if (v !== undefined) headers.set(k, v);
  }
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  const body: Readable = decoder ? res.pipe(decoder) : res;
  if (decoder) res.on('error', (err) => decoder.destroy(err));
  return {
    status: res.statusCode ?? 0,
    headers,
    body: body as AsyncIterable<Uint8Array>,
    cancel: () => {
      body.destroy();
      res.destroy();
    },
  };
}
