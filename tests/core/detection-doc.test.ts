// docs/detection.md lists every rule of the detector, in the order it runs, with a real example from
// the eval data: a rule without an entry, an entry naming no rule, or an example its rule no longer
// decides fails here. The examples are replayed when ../shared/eval is beside the repository.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_NAMES } from '../../src/core/crossref';
import { KEY_PARTS, TERM_KINDS } from '../../src/core/terms';
import { type DecidedPair, evalDir, replay } from '../tools/fingerprint/fingerprint-corpus';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(root, 'docs/detection.md'), 'utf8');
const examples = JSON.parse(readFileSync(resolve(root, 'docs/detection-examples.json'), 'utf8')) as Record<
  string,
  DecidedPair & { rule: string }
>;
/** The rules the document lists, in its order: its `### \`name\`` headings. */
const documented = [...doc.matchAll(/^### `([a-z-]+)`$/gm)].map((m) => m[1]!);
const dir = evalDir();

describe('docs/detection.md', () => {
  it('lists every rule, in the order the detector runs them, and no other', () => {
    expect(documented).toEqual([...RULE_NAMES]);
  });

  it('gives every rule what it decides and a test file that exists', () => {
    for (const name of documented) {
      const entry = doc.slice(doc.indexOf(`### \`${name}\``)).split(/\n### /)[0]!;
      const test = /^Test: `([^`]+)`/m.exec(entry)?.[1];
      expect(test, name).toBeDefined();
      expect(existsSync(resolve(root, test!)), `${name}: ${test}`).toBe(true);
    }
  });

  it('has a legend of every term kind and key part', () => {
    for (const k of TERM_KINDS) expect(doc).toContain(`| \`${k.prefix}\` | ${k.kind} |`);
    for (const k of KEY_PARTS) expect(doc).toContain(`| \`${k.prefix}\` | ${k.part} |`);
  });

  it('quotes each example as docs/detection-examples.json holds it', () => {
    for (const [name, p] of Object.entries(examples)) {
      expect(documented, name).toContain(name);
      expect(doc).toContain(`> ${p.a.text.trim()}`);
      expect(doc).toContain(`> ${p.b.text.trim()}`);
    }
  });

  it.skipIf(!dir)(
    'every example is still decided by its rule',
    () => {
      const stale = Object.entries(examples)
        .filter(
          ([name, p]) => !replay(dir!, p) || (p.rule !== p.decidedBy && !p.verdict.includes(`: ${name} (`)),
        )
        .map(([name]) => name);
      expect(stale).toEqual([]);
    },
    120_000,
  );
});
