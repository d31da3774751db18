// The Worker's character-reference decoder (src/web/html-entities.ts, aliased for `entities/decode` in
// wrangler.toml) must decode exactly as `entities` does on Node: text that reads differently on the
// two would store different claims (and a reference one side leaves undecoded can hide markup).
import { readFileSync } from 'node:fs';
import * as entities from 'entities/decode';
import fc from 'fast-check';
import { Parser, Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  DecodingMode,
  decodeHTML,
  EntityDecoder,
  htmlDecodeTree,
  xmlDecodeTree,
} from '../../src/web/html-entities';
import { allEntities, DATA_FILE, dataModule } from '../tools/html-entities';

type TokenizerArgs = ConstructorParameters<typeof Tokenizer>;

/** htmlparser2's tokenizer with the Worker's decoder in place of `entities`' one. */
class WorkerTokenizer extends Tokenizer {
  constructor(options: TokenizerArgs[0], cbs: TokenizerArgs[1]) {
    super(options, cbs);
    const self = this as unknown as { entityDecoder: unknown; emitCodePoint(cp: number, n: number): void };
    self.entityDecoder = new EntityDecoder(options.xmlMode ? xmlDecodeTree : htmlDecodeTree, (cp, n) =>
      self.emitCodePoint(cp, n),
    );
  }
}

/** Everything the parser reports (text, attributes, tags), whole or written one piece at a time. */
function parse(input: string, { xmlMode = false, worker = false, pieces = 1 } = {}): string {
  const events: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => events.push(`<${name} ${JSON.stringify(attributes)}>`),
      ontext: (text) => events.push(text),
      onclosetag: (name) => events.push(`</${name}>`),
    },
    { xmlMode, decodeEntities: true, ...(worker ? { Tokenizer: WorkerTokenizer } : {}) },
  );
  const size = Math.ceil(input.length / pieces);
  for (let at = 0; at < input.length; at += size) parser.write(input.slice(at, at + size));
  parser.end();
  // Text may come in different pieces; what was read may not.
  return events.join('').normalize('NFC');
}

const names = allEntities().map((e) => e.name);
/** Each name as a reference ends in the ways that decide it: semicolon, none, more name, `=`, the end. */
const endings = (name: string) => [
  `&${name};`,
  `&${name} `,
  `&${name}x;`,
  `&${name}=`,
  `&${name}1 `,
  `&${name}`,
];

describe("the Worker's character-reference decoder", () => {
  it('is generated from the installed entities package', () => {
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(dataModule());
    expect(names.length).toBe(2125);
  });

  it('decodes every named reference as entities does, in text, attributes and XML', () => {
    for (const xmlMode of [false, true]) {
      const doc = names
        .flatMap(endings)
        .map((ref) => `<p title="${ref}" alt='x${ref}y' data-v=${ref.replace(/ $/, '')}>${ref}</p>\n`)
        .join('');
      expect(parse(doc, { xmlMode, worker: true })).toBe(parse(doc, { xmlMode }));
    }
  });

  it('decodes numeric references as entities does (C1 controls, surrogates, out of range, no digits)', () => {
    const refs = [
      '&#0;',
      '&#65',
      '&#65;',
      '&#x41;',
      '&#X41',
      '&#x80;',
      '&#128;',
      '&#159',
      '&#xD800;',
      '&#xdfff;',
      '&#1114111;',
      '&#1114112;',
      '&#99999999999999999999;',
      '&#x;',
      '&#;',
      '&#',
      '&#x',
      '&#a;',
      '&#xg;',
      '&#12a;',
      '&',
      '&&amp;',
      '&;',
      '& amp;',
      '&#x1F600;',
      '&#x0000041;',
    ];
    for (const xmlMode of [false, true]) {
      for (const ref of refs) {
        const doc = `<p title="${ref}">${ref}</p><p>${ref}`;
        expect(parse(doc, { xmlMode, worker: true }), ref).toBe(parse(doc, { xmlMode }));
      }
    }
  });

  it('decodes alike whatever the input and wherever it is cut into pieces', () => {
    const piece = fc.constantFrom(
      '&',
      ';',
      '#',
      'x',
      'X',
      '=',
      ' ',
      '"',
      "'",
      '<p title="',
      '">',
      '</p>',
      '<br/>',
      'amp',
      'not',
      'notin',
      'it',
      'copy',
      'frac12',
      'Afr',
      'NotEqualTilde',
      '12',
      'FF',
      '9',
      'a',
      'Z',
      '<![CDATA[',
      ']]>',
      '<title>',
      '</title>',
      '<script>',
      '</script>',
      '<textarea>',
      '</textarea>',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (parts, pieces, xmlMode) => {
          const input = parts.join('');
          expect(parse(input, { xmlMode, worker: true, pieces })).toBe(parse(input, { xmlMode }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('decodeHTML agrees with entities in each mode', () => {
    const modes = [DecodingMode.Legacy, DecodingMode.Strict, DecodingMode.Attribute] as const;
    const samples = [...names.flatMap(endings), 'a &amp b &notin; &notit; &#169 &copy2 &#x;&amp', '&&&;;#'];
    for (const mode of modes) {
      for (const sample of samples)
        expect(decodeHTML(sample, mode), sample).toBe(entities.decodeHTML(sample, mode));
    }
  });
});
