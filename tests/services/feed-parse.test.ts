// src/web/feed-parse.ts on Node: on each fixture feed it gives the items feedsmith gives, and refuses
// what is not a feed. tests/worker/feed-parse.test.ts runs the same checks inside workerd.
import { describe, expect, it } from 'vitest';
import { feedEntries, opmlEntries } from '../../src/web/feed-entries';
import { FIXTURE_FEEDS, feedsmithEntries } from '../helpers/feed-fixtures';

describe('feeds parsed on Node', () => {
  it.each(Object.entries(FIXTURE_FEEDS))('%s: the same items as feedsmith', (_name, { body, base }) => {
    const ours = feedEntries(body, base);
    expect(ours.items.length).toBeGreaterThan(1);
    expect(ours).toEqual(feedsmithEntries(body, base));
  });

  it('refuses truncated XML, an HTML page and JSON that is no JSON Feed', () => {
    const truncated = FIXTURE_FEEDS['wordpress-rss2']!.body.slice(0, 1500);
    expect(() => feedEntries(truncated, 'https://x.example/')).toThrow(/not well formed/);
    expect(() => feedEntries('<html><body><p>A page</p></body></html>', 'https://x.example/')).toThrow(
      /root element is <html>/,
    );
    expect(() => feedEntries('{"items": []}', 'https://x.example/')).toThrow(/JSON Feed/);
  });

  it('reads an OPML list', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
<outline text="World"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/></outline>
<outline type="rss" title="B" text="b" xmlUrl="https://b.example/atom"/></body></opml>`;
    expect(opmlEntries(opml)).toEqual([
      { url: 'https://a.example/rss', title: 'A' },
      { url: 'https://b.example/atom', title: 'B' },
    ]);
  });
});
