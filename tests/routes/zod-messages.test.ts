// The app's own copy of zod's English messages (src/shared/zod-messages.ts) against zod's `en` itself:
// every issue the app's schemas can raise words the same, so a 4xx says what it said before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from 'zod/locales';
import type { $ZodRawIssue } from 'zod/v4/core';
import { articleInput, compareInput, errorSummary } from '../../src/routes/schemas';
import * as z from '../../src/shared/zod';
import { englishMessage } from '../../src/shared/zod-messages';
import { ROOT, sourceFiles } from '../architecture/source-files';

const zodEnglish = en().localeError as (issue: $ZodRawIssue) => string;

class Point {}
const inputs = [
  undefined,
  null,
  0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -Infinity,
  10n,
  '',
  'x',
  true,
  [],
  {},
  new Point(),
  Object.create(null),
  new Date(0),
];

const issues: Record<string, unknown>[] = [];
for (const expected of ['string', 'number', 'int', 'object', 'array', 'boolean', 'nan', 'unknown'])
  for (const input of inputs) issues.push({ code: 'invalid_type', expected, input });
for (const values of [['a'], [1], [10n], [true], ['a', 'b'], ['open', 'resolved', 'dismissed'], [null, 'x']])
  issues.push({ code: 'invalid_value', values });
for (const code of ['too_big', 'too_small'])
  for (const origin of ['string', 'array', 'number', 'int', 'bigint', 'date', undefined])
    for (const bound of [0, 1, 40, 2000, 1.5, 10n])
      for (const [exact, inclusive] of [
        [true, true],
        [false, true],
        [false, false],
        [undefined, undefined],
      ])
        issues.push({ code, origin, [code === 'too_big' ? 'maximum' : 'minimum']: bound, exact, inclusive });
issues.push(
  { code: 'invalid_format', format: 'regex', pattern: '/^\\d{4}-\\d{2}-\\d{2}$/' },
  { code: 'not_multiple_of', divisor: 5 },
  { code: 'unrecognized_keys', keys: ['x'] },
  { code: 'unrecognized_keys', keys: ['x', 'y'] },
  { code: 'invalid_key', origin: 'record' },
  { code: 'invalid_union' },
  { code: 'invalid_union', inclusive: false },
  { code: 'invalid_union', options: ['a', 'b'] },
  { code: 'invalid_element', origin: 'map' },
  { code: 'custom' },
  { code: 'something_new' },
);

describe("the app's zod messages", () => {
  it("word every issue the app's schemas raise as zod's English locale does", () => {
    expect(issues.length).toBeGreaterThan(300);
    for (const issue of issues) {
      const raw = issue as unknown as $ZodRawIssue;
      expect(
        englishMessage(raw),
        JSON.stringify(issue, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)),
      ).toBe(zodEnglish(raw));
    }
  });

  it('are what real parse failures say, as they said with `en` (a 422 reads as before)', () => {
    const strict = z.strictObject({
      n: z.number().check(z.minimum(2)),
      tags: z.array(z.string()).check(z.maxLength(1)),
    });
    const failures = () =>
      [
        strict.safeParse({ n: 1, tags: ['a', 'b'], extra: 1 }),
        strict.safeParse({ n: 'x', tags: 'a' }),
        z.enum(['a', 'b']).safeParse('c'),
        z.string().check(z.maxLength(3)).safeParse('abcd'),
        articleInput.safeParse({ outlet: 'x'.repeat(500), title: 5, text: 'ok' }),
        articleInput.safeParse([]),
        compareInput.safeParse({ documents: 'no' }),
        compareInput.safeParse({ documents: [{}], explain: 'yes' }),
      ].map((r) => {
        expect(r.success).toBe(false);
        return errorSummary(r.error!);
      });
    const ours = failures();
    z.config(en());
    try {
      expect(ours).toEqual(failures());
    } finally {
      z.config({ localeError: englishMessage });
    }
    expect(ours[0]).toBe(
      'n: Too small: expected number to be >=2 tags: Too big: expected array to have <=1 items Unrecognized key: "extra"',
    );
  });

  it('cover every string format and sized type the sources use (`en` also names thirty formats and sizes files, sets and maps)', () => {
    const formats =
      /\bz\.(email|url|uuid|guid|nanoid|cuid2?|ulid|xid|ksuid|iso|ipv4|ipv6|mac|cidrv4|cidrv6|base64|base64url|e164|jwt|emoji|startsWith|endsWith|includes|httpUrl|hostname|hex|hash|templateLiteral|json|set|map|file)\b/;
    const files = ['src', 'views', 'db'].flatMap((dir) => sourceFiles(dir));
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(formats);
  });
});
