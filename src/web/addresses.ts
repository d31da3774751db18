// Which hosts and addresses the app may fetch from: public unicast only, never this machine, its
// network or a cloud metadata service (SSRF). Pure: used on Node after DNS resolution and on
// Workers for URLs that name an address; README "Adding articles from the web" lists what is refused.
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /**
   * Tests only: allow loopback (127.0.0.0/8, ::1, `localhost`) so that a fixture server on
   * 127.0.0.1 can be fetched. Never read from the environment; nothing else is ever allowed.
   */
  allowLoopbackForTests?: boolean;
}

/**
 * Whether `text` could be an IP address at all: hex digits, dots, colons and an `x` (ipaddr.js reads
 * "0x7f.1"), then a zone index. A host name with any other letter cannot be one, and is answered here:
 * ipaddr.js answers it by throwing and catching an error (tens of microseconds each, on every URL a
 * request, a redirect or a canonical link checks).
 */
const mayBeAddress = (text: string) => /^[0-9a-fx.:]+(%.*)?$/i.test(text);

const isAddress = (text: string) => mayBeAddress(text) && ipaddr.isValid(text);

/** Why an address (IPv4 or IPv6 text) may not be fetched, or null when it is public unicast. */
export function refusedAddress(address: string, policy: AddressPolicy = {}): string | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isAddress(text)) return `"${address}" is not an IP address`;
  let ip = ipaddr.parse(text);
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) reaches the IPv4 host: judge that one.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && policy.allowLoopbackForTests) return null;
  return `${ip.toString()} is ${RANGE_NAMES[range] ?? `a ${range} address`}`;
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
  return isAddress(host) ? host : null;
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
