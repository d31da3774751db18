// The special address ranges of ipaddr.js 2.5 (its SpecialRanges, same names, same order: the first
// that holds an address names it, so 2001::1 is `teredo` before it is `reserved`); anything else is
// `unicast`. tests/security/address-ranges.test.ts compares the two on every range's edges and on
// random addresses.

const V4: [string, string][] = [
  ['unspecified', '0.0.0.0/8'],
  ['broadcast', '255.255.255.255/32'],
  ['multicast', '224.0.0.0/4'],
  ['linkLocal', '169.254.0.0/16'],
  ['loopback', '127.0.0.0/8'],
  ['carrierGradeNat', '100.64.0.0/10'],
  ['private', '10.0.0.0/8'],
  ['private', '172.16.0.0/12'],
  ['private', '192.168.0.0/16'],
  ['reserved', '192.0.0.0/24'],
  ['reserved', '192.0.2.0/24'],
  ['reserved', '192.88.99.0/24'],
  ['reserved', '198.18.0.0/15'],
  ['reserved', '198.51.100.0/24'],
  ['reserved', '203.0.113.0/24'],
  ['reserved', '240.0.0.0/4'],
  ['as112', '192.175.48.0/24'],
  ['as112', '192.31.196.0/24'],
  ['amt', '192.52.193.0/24'],
];

const V6: [string, string][] = [
  ['unspecified', '::/128'],
  ['linkLocal', 'fe80::/10'],
  ['multicast', 'ff00::/8'],
  ['loopback', '::1/128'],
  ['uniqueLocal', 'fc00::/7'],
  ['ipv4Mapped', '::ffff:0:0/96'],
  ['deprecatedSiteLocal', 'fec0::/10'],
  ['discard', '100::/64'],
  ['rfc6145', '::ffff:0:0:0/96'],
  ['rfc6052', '64:ff9b::/96'],
  ['rfc6052', '64:ff9b:1::/48'],
  ['6to4', '2002::/16'],
  ['teredo', '2001::/32'],
  ['benchmarking', '2001:2::/48'],
  ['amt', '2001:3::/32'],
  ['as112v6', '2001:4:112::/48'],
  ['as112v6', '2620:4f:8000::/48'],
  ['deprecatedOrchid', '2001:10::/28'],
  ['orchid2', '2001:20::/28'],
  ['droneRemoteIdProtocolEntityTags', '2001:30::/28'],
  ['segmentRouting', '5f00::/16'],
  ['reserved', '2001::/23'],
  ['reserved', '2001:db8::/32'],
  ['reserved', '3fff::/20'],
];

/** An address as bits, most significant first, from its canonical text (as addresses.ts gives it). */
function bitsOf(text: string): string {
  if (!text.includes(':'))
    return text
      .split('.')
      .map((n) => Number(n).toString(2).padStart(8, '0'))
      .join('');
  const [left = '', right] = text.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const head = groups(left);
  const tail = right === undefined ? [] : groups(right);
  const all = [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  return all.map((g) => Number.parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}

type Table = { name: string; bits: string }[];
const tables = new Map<readonly [string, string][], Table>();

/** The ranges as prefixes of bits, read on first use. */
function table(ranges: [string, string][]): Table {
  let t = tables.get(ranges);
  if (!t) {
    t = ranges.map(([name, cidr]) => {
      const [address = '', length = ''] = cidr.split('/');
      return { name, bits: bitsOf(address).slice(0, Number(length)) };
    });
    tables.set(ranges, t);
  }
  return t;
}

/**
 * The range of an address in canonical text, and the address as a message shows it: an IPv4 address
 * written as IPv6 (::ffff:10.0.0.1) reaches the IPv4 host, so that one is judged and shown.
 */
export function rangeOf(text: string): { range: string; shown: string } {
  let bits = bitsOf(text);
  let shown = text;
  let ranges = text.includes(':') ? V6 : V4;
  if (ranges === V6 && bits.startsWith(table(V6).find((r) => r.name === 'ipv4Mapped')!.bits)) {
    bits = bits.slice(96);
    shown = [0, 8, 16, 24].map((at) => Number.parseInt(bits.slice(at, at + 8), 2)).join('.');
    ranges = V4;
  }
  const range = table(ranges).find((r) => bits.startsWith(r.bits));
  return { range: range?.name ?? 'unicast', shown };
}
