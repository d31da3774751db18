// Unit classes as a structure (src/core/unit-class.ts): readers build it, one function writes its key,
// the key reads back to the same class, and no other core file reads the key's grammar.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import {
  classOf,
  generalClass,
  isGenericMeasure,
  parseUnitClass,
  type UnitClass,
  unitClassKey,
} from '../../src/core/unit-class';

const classesIn = (text: string) =>
  extractArticle(text).claims.flatMap((c) => c.quantities.map((q) => ({ text: q.text, u: classOf(q) })));

describe('unit classes', () => {
  it('reads figures into families, with currency and what is counted', () => {
    const found = classesIn(
      'At least 57 countries sent $988 million in aid, up 22 percent of voters, for four years. ' +
        'Robert Buckley, 32, was arrested. 20 people were killed in 2023. The road runs 58 kilometers to the border. ' +
        'The vote went two to one for the 22nd package.',
    );
    const byText = Object.fromEntries(found.map((f) => [f.text, f.u]));
    expect(byText['At least 57 countries']).toEqual({ family: 'count', counted: 'country' });
    expect(byText['$988 million in aid']).toEqual({ family: 'money', currency: 'usd', paysFor: 'aid' });
    expect(byText['22 percent of voters']).toEqual({ family: 'percent', of: 'voter' });
    expect(byText['four years']).toEqual({ family: 'duration', unit: 'year' });
    expect(byText['32']).toEqual({ family: 'age' });
    expect(byText['20 people']).toEqual({ family: 'fate', fate: 'death' });
    expect(byText['2023']).toEqual({ family: 'date', unit: 'year' });
    expect(byText['58 kilometers']).toEqual({ family: 'measure', unit: 'kilometer', dimension: 'length' });
    expect(byText['two to one']).toEqual({ family: 'ratio' });
    expect(byText['22nd package']).toEqual({ family: 'ordinal', of: 'package' });
  });

  it('writes each class as the key stored before classes were structured, and reads it back', () => {
    const cases: [UnitClass, string][] = [
      [{ family: 'count', counted: 'country' }, 'country'],
      [{ family: 'fate', fate: 'injury' }, 'injury'],
      [{ family: 'measure', unit: 'mile', dimension: 'length' }, 'mile'],
      [{ family: 'money', currency: 'usd', paysFor: null }, 'money:usd'],
      [{ family: 'money', currency: 'eur', paysFor: 'offer' }, 'money:eur:offer'],
      [{ family: 'percent', of: null }, 'percent'],
      [{ family: 'percent', of: 'person' }, 'percent:person'],
      [{ family: 'percentage-point' }, 'percentage point'],
      [{ family: 'duration', unit: 'year' }, 'duration:year'],
      [{ family: 'age' }, 'age'],
      [{ family: 'date', unit: 'month' }, 'date:month'],
      [{ family: 'time', unit: 'clock' }, 'time:clock'],
      [{ family: 'ratio' }, 'ratio'],
      [{ family: 'ordinal', of: 'package' }, 'ordinal:package'],
      [{ family: 'caliber' }, 'caliber'],
      [{ family: 'code', of: 'max' }, 'code:max'],
    ];
    for (const [u, key] of cases) {
      expect(unitClassKey(u)).toBe(key);
      expect(parseUnitClass(key)).toEqual(u);
    }
    // Any key reads back to itself, even one no reader makes.
    for (const key of ['', 'a:b:c', 'money:', 'percent:', 'season', 'deliveri'])
      expect(unitClassKey(parseUnitClass(key))).toBe(key);
  });

  it('names the general class a specific one also meets, and the generic measures', () => {
    expect(generalClass(classOf('money:usd:fine'))).toEqual({
      family: 'money',
      currency: 'usd',
      paysFor: null,
    });
    expect(generalClass(classOf('percent:voter'))).toEqual({ family: 'percent', of: null });
    expect(generalClass(classOf('percent'))).toBeNull();
    expect(generalClass(classOf('country'))).toBeNull();
    for (const key of [
      'duration:year',
      'age',
      'percent',
      'percent:voter',
      'percentage point',
      'season',
      'date:year',
      'code:flight',
    ])
      expect(isGenericMeasure(classOf(key)), key).toBe(true);
    for (const key of ['country', 'money:usd', 'death', 'ratio', 'mile'])
      expect(isGenericMeasure(classOf(key)), key).toBe(false);
  });

  it('is the only place in the core that reads the grammar of a class key', () => {
    const dir = join(import.meta.dirname, '../../src/core');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && f !== 'unit-class.ts',
    );
    // A class key spelled with its family ("money:", 'date:year') or matched by a pattern or a prefix.
    const grammar =
      /['`"/^(](?:money|percent|duration|date|time|ordinal):|unitClass\)?\.(?:startsWith|match)|\.test\([a-z.]*unitClass/;
    const code = (f: string) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
        .join('\n');
    const offenders = files.filter((f) => grammar.test(code(f)));
    expect(offenders).toEqual([]);
  });
});
