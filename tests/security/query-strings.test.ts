// No query string makes a search route answer 5xx: random and hostile `q` (and every other filter)
// on the queue page, its htmx fragment, the JSON queue and every export. A NUL in `q` used to end
// FTS5's quoted string ("unterminated string") and answer 500 with a stack trace per request.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery, searchableText } from '../../db/queries/claims';
import { createTestApp, HTMX, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const SEED =
  process.env.PROPERTY_SEED === 'random' ? undefined : Number(process.env.PROPERTY_SEED ?? 20261206);

const SEARCH_ROUTES = [
  '/',
  '/api/conflicts',
  '/api/export/claims.csv',
  '/api/export/claims.json',
  '/api/export/conflicts.csv',
  '/api/export/conflicts.json',
];

/** Percent-encodes every UTF-16 unit it can, and lone surrogates as the raw bytes a client could send. */
function encodeAny(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += `%ED%${(0xa0 + ((cp >> 6) & 0x1f)).toString(16)}%${(0x80 + (cp & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Values a search box can be sent: FTS5 syntax, controls, quotes, broken escapes, any Unicode. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeAny),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map(encodeAny),
  fc
    .array(
      fc.constantFrom(
        '%00',
        '%01',
        '%1F',
        '%7F',
        '%C2%85',
        '%E2%80%AE',
        '%E2%80%8B',
        '%22',
        '%2A',
        '*',
        '%5E',
        'NEAR(',
        ')',
        'AND',
        'OR',
        'NOT',
        '%3A',
        'text%3A',
        '-',
        '%2B',
        '%25',
        '%E0%A4%A',
        '%FF',
        '%ED%A0%80',
        'a',
        '57',
        'countries',
        '+',
        '%20',
        '{',
        '}',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

let t: TestApp;
let reviewer: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  reviewer = await signedIn(t.db, 'reviewer');
});
afterAll(() => t.cleanup());

describe('search input', () => {
  it('a NUL or other control character in q answers 200 on every search route (was 500)', async () => {
    for (const route of SEARCH_ROUTES) {
      for (const q of ['a%00b', '%00', 'coalition%00', '%01%02', 'a%0Bb', '%7F', '%22%00%22']) {
        const res = await t.app.request(`${route}?q=${q}`);
        expect(res.status, `${route}?q=${q}`).toBe(200);
      }
    }
  });

  it('searching across a control character finds what searching with a space finds', async () => {
    const found = async (q: string) =>
      (await (await t.app.request(`/api/export/claims.json?status=all&q=${q}`)).json()).items;
    const spaced = await found('billion%20Ukraine');
    expect(spaced.length).toBeGreaterThan(0);
    expect(await found('billion%00Ukraine')).toEqual(spaced);
    expect(await found('billion%E2%80%8B%01Ukraine')).toEqual(spaced);
  });

  it('ftsQuery never leaves a control character, a lone surrogate or a stray quote in its expression', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const q = ftsQuery(s);
        if (q === null) return;
        expect(q).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        expect(q).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        // Every term is one quoted phrase (optionally a prefix): no quote inside one.
        for (const term of q.split(' ')) expect(term).toMatch(/^"[^"]+"\*?$/);
        expect(searchableText(searchableText(s))).toBe(searchableText(s));
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('no query string on a search route answers 5xx (property, signed in or not, page or fragment)', async () => {
    const params = fc.record({
      route: fc.constantFrom(...SEARCH_ROUTES),
      q: hostile,
      other: fc.option(
        fc.tuple(
          fc.constantFrom('outlet', 'entity', 'assignee', 'status', 'sort', 'limit', 'offset', 'q'),
          hostile,
        ),
      ),
      who: fc.constantFrom('anonymous', 'reviewer', 'htmx'),
    });
    await fc.assert(
      fc.asyncProperty(params, async ({ route, q, other, who }) => {
        const extra = other ? `&${other[0]}=${other[1]}` : '';
        const headers =
          who === 'reviewer' ? reviewer.cookie : who === 'htmx' ? { ...HTMX, ...reviewer.cookie } : undefined;
        const res = await t.app.request(`${route}?status=all&q=${q}${extra}`, { headers });
        await res.arrayBuffer();
        expect(res.status, `${route}?q=${q}${extra}`).toBeLessThan(500);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('a body that claims to be a form but is not one', () => {
  it('answers sign-in and account forms with a 4xx, not a 500 (found by npm run fuzz)', async () => {
    const editor = await signedIn(t.db, 'editor');
    const broken = (headers: Record<string, string> = {}) => ({
      method: 'POST',
      body: new Uint8Array([0x2d, 0x2d, 0x78, 0x0d, 0x0a, 0xff, 0x00, 0x41]),
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', Origin: 'http://localhost', ...headers },
    });
    const signin = await t.app.request('/signin', broken());
    expect(signin.status).toBe(400);
    const admin = await t.app.request('/admin/users', broken(editor.cookie));
    expect(admin.status).toBeGreaterThanOrEqual(400);
    expect(admin.status).toBeLessThan(500);
    // POST /articles reads the form once to see whether it names a URL, then validates it (fuzz seed 7).
    for (const path of ['/articles', '/feeds']) {
      const res = await t.app.request(path, broken(editor.cookie));
      expect(res.status, path).toBe(400);
    }
    // The compare page's form, open to anyone (fuzz seed 19).
    const compare = await t.app.request('/compare', broken());
    expect(compare.status).toBe(400);
    expect(await compare.text()).toContain('the form could not be read');
  });
});
