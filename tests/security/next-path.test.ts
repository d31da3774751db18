// safeNextPath (where sign-in sends you back to) is idempotent, and what it returns is always a path on
// this site: never protocol-relative ("//host", "/\host"), never absolute, never the sign-in page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/auth/next-path';

const SEED =
  process.env.PROPERTY_SEED === 'random' ? undefined : Number(process.env.PROPERTY_SEED ?? 20261206);

/** What a browser does with a Location header: it must stay on our origin. */
function staysHome(path: string): boolean {
  const base = 'https://crosscheck.test';
  return new URL(path, base).origin === base;
}

function expectSafe(next: string) {
  const out = safeNextPath(next);
  expect(out.startsWith('/'), `${JSON.stringify(next)} -> ${out}`).toBe(true);
  expect(out[1] === '/' || out[1] === '\\', `${JSON.stringify(next)} -> ${out}`).toBe(false);
  expect(staysHome(out), `${JSON.stringify(next)} -> ${out}`).toBe(true);
  expect(safeNextPath(out), `not idempotent on ${JSON.stringify(next)}`).toBe(out);
}

/** Pieces that path tricks are made of. */
const piece = fc.constantFrom(
  '/',
  '//',
  '\\',
  '.',
  '..',
  './',
  '../',
  '%2F',
  '%2f',
  '%5C',
  '%2E',
  '%2e%2e',
  '%09',
  '%00',
  '\t',
  '\n',
  ':',
  '@',
  '?',
  '#',
  'evil.example',
  'javascript:alert(1)',
  'http:',
  'https://evil.example',
  'signin',
  'conflicts',
  '3',
  ' ',
  '\u3002',
  '\uFF0F',
);

describe('safeNextPath', () => {
  it('"/.//evil.example" no longer comes back as "//evil.example"', () => {
    expect(safeNextPath('/.//evil.example')).toBe('/');
    expect(safeNextPath('/a/..//evil.example')).toBe('/');
    expect(safeNextPath('/%2E//evil.example')).toBe('/');
    expectSafe('/.//evil.example');
  });

  it('keeps ordinary same-site paths as they are', () => {
    for (const p of ['/', '/conflicts/3', '/?status=open&q=57', '/articles/new#top', '/claims/1/status'])
      expect(safeNextPath(p)).toBe(p);
  });

  it('is idempotent and stays on this site for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => expectSafe(s)),
      { numRuns: 500, seed: SEED },
    );
  });

  it('is idempotent and stays on this site for strings built from path tricks (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        expectSafe(parts.join(''));
        expectSafe(`/${parts.join('')}`);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });
});
