// Which hosts and addresses the app may fetch from: public unicast only, never this machine, its
// network or a cloud metadata service (SSRF). Pure: used on Node after DNS resolution and on
// Workers for URLs that name an address; README "Adding articles from the web" lists what is refused.
// Addresses are read by the runtime's own URL parser (the WHATWG one fetch itself uses: "0x7f.1" and
// "2130706433" are 127.0.0.1 to it, as to a socket) and judged against ipaddr.js's special ranges
// (address-ranges.ts), which this replaced to save 3.7 KiB gzip of the Worker bundle.
import { rangeOf } from './address-ranges';

export interface AddressPolicy {
  /**
   * Tests only: allow loopback (127.0.0.0/8, ::1, `localhost`) so that a fixture server on
   * 127.0.0.1 can be fetched. Never read from the environment; nothing else is ever allowed.
   */
  allowLoopbackForTests?: boolean;
}

/**
 * Whether `text` could be an IP address at all: hex digits, dots, colons and an `x` ("0x7f.1"), then
 * a zone index. A host name with any other letter cannot be one, and is answered here without a parse.
 */
const mayBeAddress = (text: string) => /^[0-9a-fx.:]+(%.*)?$/i.test(text);

/**
 * The address in its canonical text (dotted decimal, or RFC 5952 IPv6 without brackets), or null
 * when `text` is none. The URL parser reads every IPv4 form (one to four parts, hex, octal), and
 * anything else with a numeric last label is no host at all.
 */
function canonical(text: string): string | null {
  if (!mayBeAddress(text)) return null;
  const v6 = text.includes(':');
  let host: string;
  try {
    host = new URL(v6 ? `http://[${text}]/` : `http://${text}/`).hostname;
  } catch {
    return null;
  }
  if (v6) return host.slice(1, -1);
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : null;
}

/** Why an address (IPv4 or IPv6 text) may not be fetched, or null when it is public unicast. */
export function refusedAddress(address: string, policy: AddressPolicy = {}): string | null {
  const text = canonical(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (!text) return `"${address}" is not an IP address`;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) reaches the IPv4 host: judge that one.
  const { range, shown } = rangeOf(text);
  if (range === 'unicast') return null;
  if (range === 'loopback' && policy.allowLoopbackForTests) return null;
  return `${shown} is ${RANGE_NAMES[range] ?? `a ${range} address`}`;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  linkLocal: 'a link-local address (cloud metadata services live there)',
  carrierGradeNat: 'a shared (CGNAT) address',
  uniqueLocal: 'a unique-local IPv6 address (a private network)',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved or documentation address',
  deprecatedSiteLocal: 'a site-local IPv6 address (a private network)',
  rfc6052: 'a NAT64 address',
  rfc6145: 'an IPv4-translated address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
  discard: 'a discard-only address',
};

/** Names that mean this machine or a private network whatever DNS says (RFC 6761, 6762, 8375). */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan', '.intranet'];

/** The URL's host as a bare IP address, or null when it names a host. */
export function addressOf(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return canonical(host) ? host : null;
}

/**
 * Why a URL may not be fetched before any DNS lookup, or null: http(s) only, no credentials, no
 * address outside public unicast, no local-only or single-label names.
 */
export function refusedUrl(url: URL, policy: AddressPolicy = {}): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `only http and https links can be fetched, not ${url.protocol.replace(':', '')}`;
  if (url.username || url.password) return 'links with a user name or password are not fetched';
  const address = addressOf(url);
  if (address) return refusedAddress(address, policy);
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost'))
    return policy.allowLoopbackForTests ? null : `${host} is this machine`;
  if (!host.includes('.')) return `${host} is not a public host name`;
  if (LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return `${host} is a local network name`;
  return null;
}
