// The Worker's stand-in for js-base64 (wrangler.toml's alias, src/worker-base64.ts) against js-base64
// itself: libSQL's remote client sends and reads blobs through these two calls, so any difference would
// corrupt a stored blob on Turso.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Base64 as jsBase64 } from 'js-base64';
import { describe, expect, it } from 'vitest';
import { Base64 } from '../../src/worker-base64';

/** Deterministic bytes (a linear congruential generator): the same cases on every run. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const LENGTHS = [0, 1, 2, 3, 4, 5, 63, 64, 65, 1000, 0x8000 - 1, 0x8000, 0x8000 + 1, 100_003];

describe('Worker base64 alias', () => {
  it('writes what js-base64 writes, for every length remainder and across its chunk size', () => {
    for (const [k, n] of LENGTHS.entries()) {
      const bytes = bytesOf(n, k + 1);
      expect(Base64.fromUint8Array(bytes)).toBe(jsBase64.fromUint8Array(bytes));
    }
  });

  it('reads back padded, unpadded and URL-safe text as js-base64 does', () => {
    for (const [k, n] of LENGTHS.entries()) {
      const bytes = bytesOf(n, k + 7);
      const padded = jsBase64.fromUint8Array(bytes);
      const unpadded = padded.replace(/=+$/, '');
      const urlSafe = jsBase64.fromUint8Array(bytes, true);
      for (const text of [padded, unpadded, urlSafe]) {
        expect(Base64.toUint8Array(text)).toEqual(jsBase64.toUint8Array(text));
        expect(Base64.toUint8Array(text)).toEqual(bytes);
      }
    }
  });

  it('is what the Worker bundle gets for js-base64', () => {
    const toml = readFileSync(
      join(fileURLToPath(new URL('../..', import.meta.url)), 'wrangler.toml'),
      'utf8',
    );
    expect(toml).toMatch(/^"js-base64" = "\.\/src\/worker-base64\.ts"$/m);
  });
});
