// The term vocabulary: one table of kinds and prefixes, helpers that make and read terms, and no prefix
// spelled out anywhere else in the core.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blockKey,
  isArticleTerm,
  isMarker,
  isTerm,
  KEY_PARTS,
  keyOf,
  kindOf,
  retag,
  TERM_KINDS,
  term,
} from '../../src/core/terms';

describe('the term vocabulary', () => {
  it('gives every kind its own prefix and a meaning', () => {
    const prefixes = TERM_KINDS.map((k) => k.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const k of TERM_KINDS) {
      expect(k.prefix).toMatch(/^[A-Za-z]:$/);
      expect(k.meaning.length).toBeGreaterThan(10);
    }
  });

  it('makes and reads terms of every kind', () => {
    for (const { kind } of TERM_KINDS) {
      const t = term(kind, 'austin');
      expect(kindOf(t)).toBe(kind);
      expect(keyOf(t)).toBe('austin');
      expect(isTerm(t, kind)).toBe(true);
      expect(retag(t, 'entity')).toBe(term('entity', 'austin'));
      expect(isArticleTerm(t)).toBe(TERM_KINDS.find((k) => k.kind === kind)!.where === 'article');
      expect(isMarker(t)).toBe(kind !== 'entity');
    }
    expect(kindOf('country')).toBeNull();
    expect(isMarker('country')).toBe(false);
    expect(isArticleTerm('country')).toBe(false);
  });

  it('builds blocking keys from a unit class and a name or a key part', () => {
    expect(blockKey('country', term('entity', 'udcg'))).toBe('country|e:udcg');
    expect(blockKey('seat', 'figure', 'seat=125')).toBe('seat|f:seat=125');
    expect(KEY_PARTS.map((p) => p.part)).toEqual(['stem', 'quote', 'figure']);
  });

  it('is the only place in the core that spells a prefix', () => {
    const dir = join(import.meta.dirname, '../../src/core');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && f !== 'terms.ts',
    );
    const spelled = /['`"][A-Za-z]:(?:['`"]|\$\{)/;
    const offenders = files.filter((f) => spelled.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
