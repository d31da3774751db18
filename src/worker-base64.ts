// js-base64's `Base64` as libSQL's remote client uses it (blobs in Hrana's JSON: @libsql/hrana-client's
// json_encode / json_decode and @libsql/core's util), over the runtime's own atob / btoa, for the Worker
// bundle: js-base64 is 2 KiB gzip of its 250 KiB budget, this file a tenth of that. wrangler.toml aliases
// `js-base64` here; Node keeps js-base64. tests/worker/base64-alias.test.ts compares the two on random
// bytes, padded and unpadded, standard and URL-safe.

/** Bytes per String.fromCharCode call: far below any engine's argument limit. */
const CHUNK = 0x8000;

export const Base64 = {
  /** Standard base64 with padding, as js-base64's fromUint8Array writes it. */
  fromUint8Array(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += CHUNK)
      binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    return btoa(binary);
  },
  /**
   * Bytes of a base64 text, standard or URL-safe, with or without padding (a server may send either),
   * as js-base64's toUint8Array reads it; atob's forgiving decode takes unpadded input.
   */
  toUint8Array(text: string): Uint8Array {
    const binary = atob(text.replace(/[-_]/g, (c) => (c === '-' ? '+' : '/')).replace(/[^A-Za-z0-9+/]/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
};
