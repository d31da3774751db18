// src/web/addresses.ts judges addresses with its own range table (address-ranges.ts) and the runtime's
// URL parser instead of ipaddr.js (3.7 KiB gzip of the Worker bundle). Here the two must say the same
// of every range's first and last address, of the addresses just outside each, and of random ones:
// the same verdict and the same message, for IPv4, IPv6 and IPv4 written as IPv6.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { addressOf, refusedAddress } from '../../src/web/addresses';

/** What addresses.ts said while it used ipaddr.js (its code of 2026-12-06, less the messages' words). */
function ipaddrVerdict(text: string): string | null {
  let ip = ipaddr.parse(text);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === 'unicast' ? null : `${ip.toString()} ${range}`;
}

/** The same from addresses.ts: its message names the address and the range (by its words). */
const WORDS: [RegExp, string][] = [
  [/loopback/, 'loopback'],
  [/private network address/, 'private'],
  [/link-local/, 'linkLocal'],
  [/CGNAT/, 'carrierGradeNat'],
  [/unique-local/, 'uniqueLocal'],
  [/unspecified/, 'unspecified'],
  [/broadcast/, 'broadcast'],
  [/multicast/, 'multicast'],
  [/reserved or documentation/, 'reserved'],
  [/site-local/, 'deprecatedSiteLocal'],
  [/NAT64/, 'rfc6052'],
  [/IPv4-translated/, 'rfc6145'],
  [/6to4/, '6to4'],
  [/Teredo/, 'teredo'],
  [/discard-only/, 'discard'],
];
function ownVerdict(text: string): string | null {
  const message = refusedAddress(text);
  if (message === null) return null;
  const [, shown = '', rest = ''] = message.match(/^(\S+) is (.*)$/) ?? [];
  const named = WORDS.find(([words]) => words.test(rest))?.[1] ?? rest.match(/^an? (\S+) address$/)?.[1];
  return `${shown} ${named}`;
}

const v4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const v6 = (groups: number[]) => ipaddr.fromByteArray(groups.flatMap((g) => [g >> 8, g & 255])).toString();

/** Each special range's first and last address and its neighbours outside, from ipaddr.js's own table. */
function edges(): string[] {
  const out: string[] = [];
  for (const kind of [ipaddr.IPv4, ipaddr.IPv6] as const) {
    const ranges = Object.values((kind.prototype as unknown as { SpecialRanges: object }).SpecialRanges);
    for (const entry of ranges as unknown[]) {
      const list = (Array.isArray((entry as unknown[])[0]) ? entry : [entry]) as [
        ipaddr.IPv4 | ipaddr.IPv6,
        number,
      ][];
      for (const [address, length] of list) {
        const bytes = address.toByteArray();
        const bits = bytes.length * 8;
        let n = 0n;
        for (const b of bytes) n = (n << 8n) | BigInt(b);
        const size = 1n << BigInt(bits - length);
        const max = (1n << BigInt(bits)) - 1n;
        for (const x of [n - 1n, n, n + size - 1n, n + size]) {
          if (x < 0n || x > max) continue;
          const parts = Array.from({ length: bytes.length }, (_, i) =>
            Number((x >> BigInt(8 * (bytes.length - 1 - i))) & 255n),
          );
          out.push(ipaddr.fromByteArray(parts).toString());
        }
      }
    }
  }
  return out;
}

describe('address ranges without ipaddr.js', () => {
  it("agrees with ipaddr.js at every special range's edges", () => {
    const all = edges();
    expect(all.length).toBeGreaterThan(150);
    for (const a of all) expect(ownVerdict(a), a).toBe(ipaddrVerdict(a));
  });

  it('agrees on random IPv4, IPv6 and IPv4-mapped addresses', () => {
    const special = [0, 0x64, 0x100, 0x2001, 0x2002, 0x2620, 0x3fff, 0x5f00, 0xfc00, 0xfe80, 0xfec0, 0xff00];
    const group = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(...special, 0xffff, 1));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.array(group, { minLength: 8, maxLength: 8 }),
        (n, g) => {
          for (const a of [v4(n), v6(g), `::ffff:${v4(n)}`, v6([0, 0, 0, 0, 0, 0xffff, g[0]!, g[1]!])])
            expect(ownVerdict(a), a).toBe(ipaddrVerdict(a));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads the forms a URL or a socket may give an address in, as fetch would connect to them', () => {
    for (const [text, shown] of [
      ['0x7f.1', '127.0.0.1'],
      ['2130706433', '127.0.0.1'],
      ['0177.0.0.1', '127.0.0.1'],
      ['10.1', '10.0.0.1'],
      ['::FFFF:7F00:1', '127.0.0.1'],
      ['0:0:0:0:0:0:0:1', '::1'],
      ['FE80::1%eth0', 'fe80::1'],
      ['[fd00:ec2::254]', 'fd00:ec2::254'],
      ['0x', '0.0.0.0'],
    ])
      expect(refusedAddress(text!), text).toMatch(new RegExp(`^${shown!.replace(/\./g, '\\.')} is `));
    for (const text of ['1.2.3.4.5', '256.1.1.1', '08.1.1.1', 'dead.beef', 'cafe', '1::2::3', ':::', 'x'])
      expect(refusedAddress(text), text).toMatch(/is not an IP address/);
    expect(addressOf(new URL('http://[::ffff:127.0.0.1]/'))).toBe('::ffff:7f00:1');
  });
});
