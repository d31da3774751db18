// Wire copies (src/core/wire-copies.ts): one wire story reprinted with another headline, a trimmed end
// or an added paragraph is one text; two outlets' own reports of one event, quoting the same people,
// are not. The threshold's precision and recall on real reprints: npm run eval:copies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copySignature,
  decodeSignature,
  encodeSignature,
  isWireCopy,
  resemblance,
} from '../../src/core/wire-copies';

const WIRE = `A magnitude 6.1 earthquake struck off the northern coast early on Sunday, injuring at least 12 people and damaging dozens of homes, officials said.
The quake hit at 4:32 a.m. at a depth of 10 kilometres, about 40 kilometres from the port town of Aldmoor, the geological survey said.
Rescue teams were sent to three villages where roads were cut by landslides, the regional governor told reporters.
"We are still counting the damage, but the worst seems to be over," he said.
Schools in the province will stay closed on Monday while engineers inspect the buildings.
The region was hit by a magnitude 5.8 quake two years ago that killed four people.
Aftershocks of up to magnitude 4.2 were felt through the morning, residents said.`;

const lines = WIRE.split('\n');
const reprint = [
  'ALDMOOR (Wire) — Residents of the north coast spent the night outdoors after the quake.',
  ...lines.slice(0, -1),
].join('\n');
const own = `Twelve people were hurt when a strong earthquake of magnitude 6.1 shook the north coast before dawn on Sunday.
Our reporter in Aldmoor saw cracked walls and a collapsed church tower near the harbour.
"We are still counting the damage, but the worst seems to be over," the regional governor said.
Local shops opened late, and the ferry to the islands was cancelled for the day.
Engineers will inspect the schools, which stay closed on Monday, the education office said.`;

describe('wire copies', () => {
  it('takes a reprint with an added paragraph and a trimmed end for a copy', () => {
    const r = resemblance(copySignature(WIRE), copySignature(reprint));
    expect(r.containment).toBeGreaterThan(0.8);
    expect(isWireCopy(copySignature(WIRE), copySignature(reprint))).toBe(true);
  });

  it('keeps apart two reports of one event that share a quote', () => {
    expect(resemblance(copySignature(WIRE), copySignature(own)).containment).toBeLessThan(0.3);
    expect(isWireCopy(copySignature(WIRE), copySignature(own))).toBe(false);
  });

  it('never takes a text of a few words, or one under an eighth of the other, for a copy', () => {
    expect(isWireCopy(copySignature(lines[0]!.split(' ').slice(0, 15).join(' ')), copySignature(WIRE))).toBe(
      false,
    );
    const digest = Array.from({ length: 2000 }, (_, i) => `item${i}`).join(' ');
    expect(isWireCopy(copySignature(WIRE), copySignature(`${WIRE}\n${digest}`))).toBe(false);
  });

  it('ignores case and punctuation', () => {
    const shouted = WIRE.toUpperCase().replace(/[,."]/g, ' ');
    expect(resemblance(copySignature(WIRE), copySignature(shouted)).containment).toBe(1);
  });

  it('stores and reads back a signature', () => {
    for (const text of [WIRE, own, lines[0]!, '']) {
      const s = copySignature(text);
      expect(decodeSignature(encodeSignature(s))).toEqual(s);
    }
    expect(decodeSignature('12:zz')).toBeNull();
    expect(decodeSignature(null)).toBeNull();
    // Anything but the count, a colon and exactly that many hashes (at most 128) of 8 lower-case hex digits.
    const one = encodeSignature({ shingles: 1, minima: [0xdeadbeef] });
    expect(decodeSignature(one)).toEqual({ shingles: 1, minima: [0xdeadbeef] });
    for (const bad of [
      ':deadbeef',
      'x1:deadbeef',
      '1:DEADBEEF',
      '1:deadbee',
      '1:deadbeef0',
      '1:dead:eef',
      '2:deadbeef',
      '',
    ])
      expect(decodeSignature(bad), bad).toBeNull();
  });

  it('is symmetric and between 0 and 1', () => {
    const words = fc.array(fc.constantFrom('storm', 'port', 'closed', 'ten', 'boats', 'said', 'the', 'on'), {
      minLength: 0,
      maxLength: 300,
    });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const [x, y] = [copySignature(a.join(' ')), copySignature(b.join(' '))];
        const r1 = resemblance(x, y);
        const r2 = resemblance(y, x);
        expect(r1).toEqual(r2);
        expect(r1.containment).toBeGreaterThanOrEqual(0);
        expect(r1.containment).toBeLessThanOrEqual(1);
      }),
    );
  });
});
