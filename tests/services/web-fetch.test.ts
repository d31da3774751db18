// Fetching from the web safely: which addresses are refused (the SSRF matrix), and what the fetch
// does with redirects, slow, oversized, mislabelled and compressed answers from a loopback server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, refusedAddress, refusedUrl } from '../../src/web/addresses';
import { checkedUrl, FetchError, fetchResource, USER_AGENT } from '../../src/web/fetch-page';
import { nodeWebReader } from '../../src/web/node-reader';
import { guardedLookup, nodeTransport } from '../../src/web/node-transport';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

describe('address policy (SSRF)', () => {
  const refused: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['::1', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/], // AWS, GCP, Azure, OpenStack metadata
    ['169.254.0.1', /link-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['100.64.0.1', /CGNAT/],
    ['100.100.100.200', /CGNAT/], // Alibaba Cloud metadata
    ['fd00:ec2::254', /unique-local/], // AWS metadata over IPv6
    ['fc00::1', /unique-local/],
    ['fec0::1', /site-local/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:10.0.0.1', /private/],
    ['::ffff:169.254.169.254', /link-local/],
    ['::ffff:7f00:1', /loopback/],
    ['64:ff9b::a00:1', /NAT64/],
    ['2002:a00:1::', /6to4/],
    ['2001::1', /Teredo/],
    ['224.0.0.1', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['192.0.2.1', /reserved/],
    ['198.18.0.1', /reserved/],
    ['240.0.0.1', /reserved/],
    ['2001:db8::1', /reserved/],
  ];
  it.each(refused)('refuses %s', (address, why) => {
    expect(refusedAddress(address)).toMatch(why);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows public %s',
    (a) => {
      expect(refusedAddress(a)).toBeNull();
    },
  );

  it('allows loopback only with the test-only setting, and nothing else with it', () => {
    expect(refusedAddress('127.0.0.1', { allowLoopbackForTests: true })).toBeNull();
    expect(refusedAddress('::1', { allowLoopbackForTests: true })).toBeNull();
    expect(refusedAddress('10.0.0.1', { allowLoopbackForTests: true })).toMatch(/private/);
    expect(refusedAddress('169.254.169.254', { allowLoopbackForTests: true })).toMatch(/link-local/);
  });

  const urls: [string, RegExp][] = [
    ['file:///etc/passwd', /only http and https/],
    ['ftp://example.com/a', /only http and https/],
    ['gopher://example.com/', /only http and https/],
    ['http://user:pw@example.com/', /user name or password/],
    ['http://localhost:8787/', /this machine/],
    ['http://api.localhost/', /this machine/],
    ['http://intranet/', /not a public host name/],
    ['http://printer.local/', /local network name/],
    ['http://metadata.google.internal/computeMetadata/v1/', /local network name/],
    ['http://2130706433/', /loopback/], // 127.0.0.1 as one number
    ['http://0x7f.1/', /loopback/],
    ['http://0177.0.0.1/', /loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://[fd00:ec2::254]/', /unique-local/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
  ];
  it.each(urls)('refuses the URL %s', (url, why) => {
    expect(refusedUrl(new URL(url))).toMatch(why);
    expect(() => checkedUrl(url)).toThrow(FetchError);
  });

  it('tells host names from addresses (a name with any letter past f is never parsed as one)', () => {
    for (const host of ['quay.example', 'news.bbc.co.uk', 'cafe.be', 'dead.beef']) {
      expect(addressOf(new URL(`https://${host}/a`)), host).toBeNull();
      expect(refusedAddress(host), host).toMatch(/is not an IP address/);
    }
    expect(addressOf(new URL('http://0x7f.1/'))).toBe('127.0.0.1');
    expect(addressOf(new URL('http://[fd00:ec2::254]/'))).toBe('fd00:ec2::254');
  });

  it('refuses a host whose DNS answer is loopback, at the socket', async () => {
    const lookup = guardedLookup({});
    const err = await new Promise<Error | null>((ok) => lookup('localhost', {}, (e) => ok(e)));
    expect(err?.message).toMatch(/localhost resolves to .*loopback/);
    const allowed = await new Promise<Error | null>((ok) =>
      guardedLookup({ allowLoopbackForTests: true })('localhost', {}, (e) => ok(e)),
    );
    expect(allowed).toBeNull();
  });
});

describe('fetching from a loopback fixture server', () => {
  let web: FixtureServer;
  const test = { allowLoopbackForTests: true };
  const get = (path: string, extra: Partial<Parameters<typeof fetchResource>[1]> = {}) =>
    fetchResource(web.url(path), { transport: nodeTransport, accept: ['text/html'], policy: test, ...extra });

  beforeAll(async () => {
    web = await startFixtureServer();
  });
  afterAll(() => web.close());

  it('refuses the fixture server itself without the test-only setting', async () => {
    await expect(
      fetchResource(web.url('/news/harbour-jsonld'), { transport: nodeTransport, accept: ['text/html'] }),
    ).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    // The transport checks the address too, when it is handed a URL no one checked.
    await expect(
      nodeTransport(new URL(web.url('/')), { headers: {}, signal: AbortSignal.timeout(2000), policy: {} }),
    ).rejects.toThrow(/loopback/);
    // And a name that resolves to loopback is refused at connect time.
    await expect(
      nodeTransport(new URL(web.url('/').replace('127.0.0.1', 'localhost')), {
        headers: {},
        signal: AbortSignal.timeout(2000),
        policy: {},
      }),
    ).rejects.toThrow(/resolves to .*loopback/);
  });

  it('sends its User-Agent and reads a page', async () => {
    const r = await get('/news/harbour-jsonld');
    expect(r.status).toBe(200);
    expect(new TextDecoder().decode(r.bytes)).toContain('Port Aldmoor');
    expect(web.log.at(-1)?.userAgent).toBe(USER_AGENT);
  });

  it('decompresses gzip', async () => {
    const r = await get('/gzip/harbour');
    expect(new TextDecoder().decode(r.bytes)).toContain('Port Aldmoor');
  });

  it('follows a redirect and reports where it ended', async () => {
    const r = await get('/redirect/once');
    expect(r.url).toBe(web.url('/news/wire-graph?utm_source=feed'));
  });

  it('stops after the redirect limit', async () => {
    await expect(get('/redirect/loop')).rejects.toThrow(/more than 5 redirects/);
    await expect(get('/redirect/once', { maxRedirects: 0 })).rejects.toThrow(/more than 0 redirects/);
  });

  it.each([
    [
      'http://10.0.0.7/admin',
      /redirects to http:\/\/10\.0\.0\.7\/admin, and 10\.0\.0\.7 is a private network address/,
    ],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://100.100.100.200/latest/meta-data/', /CGNAT/],
    ['file:///etc/passwd', /only http and https/],
  ])('refuses a redirect to %s', async (target, why) => {
    const path = `/redirect/to/${encodeURIComponent(target)}`;
    await expect(get(path)).rejects.toThrow(why);
  });

  it('gives up on a slow answer at its deadline', async () => {
    const t = Date.now();
    await expect(get('/slow', { timeoutMs: 300 })).rejects.toThrow(/no complete answer within 0.3 s/);
    expect(Date.now() - t).toBeLessThan(3000);
  });

  it('stops reading an oversized answer, declared or not', async () => {
    await expect(get('/big', { maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/);
    await expect(get('/big-declared')).rejects.toThrow(/larger than 5 MB/);
  });

  it('refuses what is not a web page', async () => {
    await expect(get('/file.pdf')).rejects.toThrow(/it is application\/pdf, not text\/html/);
    await expect(get('/no-type')).rejects.toThrow(/of no stated type/);
    await expect(get('/gone')).rejects.toThrow(/HTTP 404/);
  });

  it('reads an article with its metadata, and says when a page has none', async () => {
    const reader = nodeWebReader({ policy: test });
    const a = await reader.readArticle(web.url('/news/harbour-jsonld'));
    expect(a).toMatchObject({
      title: 'Storm closes Port Aldmoor for three days',
      outlet: 'The Coastal Ledger',
      author: 'Maria Okafor, Tom Reyes',
      publishedAt: '2026-12-03T07:45:00+00:00',
      canonicalUrl: web.url('/news/2026/12/storm-port-aldmoor'),
    });
    expect(a.text).toContain('about 140 vessels waiting offshore');
    for (const chrome of ['Advertisement', 'Most read', 'harbourwatcher', 'All rights reserved', 'Share'])
      expect(a.text).not.toContain(chrome);
    await expect(reader.readArticle(web.url('/empty-page'))).rejects.toThrow(/no article text/);
  });
});
