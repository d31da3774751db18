// The number line as a phone draws it: positions across are percentages of its width, lanes and text
// real pixels (no viewBox scaling them down), and tick labels that would collide at a phone's width
// are marked minor (app.css hides them there); the outermost labels are anchored inward.
import { describe, expect, it } from 'vitest';
import type { FactRow } from '../../src/shared/view-models';
import { NumberLine, tickLabels } from '../../views/components/number-line';

const row = (i: number, low: number, high = low, shape: FactRow['shape'] = 'dot'): FactRow => ({
  claimId: i,
  outlet: `Outlet ${i}`,
  speaker: null,
  articleId: i,
  articleTitle: `Report ${i}`,
  publishedAt: null,
  text: `${low}`,
  status: 'unreviewed',
  figure: { low, high, lowInclusive: true, highInclusive: true, hedge: null, text: `${low}` },
  shape,
  group: i,
  update: null,
  repeats: null,
});

describe('the number line', () => {
  it('keeps its marks and labels at pixel size: percentages across, pixels down', () => {
    const html = String(
      NumberLine({
        rows: [
          row(1, 1_200_000),
          row(2, 1_500_000),
          row(3, 1_000_000, Number.POSITIVE_INFINITY, 'open-above'),
        ],
        unit: 'people',
        idPrefix: 't',
      }),
    );
    expect(html).not.toContain('viewBox');
    expect(html).toMatch(/<svg class="number-line" width="100%" height="(\d+)"/);
    // Three lanes of 36 px, 12 above them, 32 for the axis.
    expect(html).toContain('height="152"');
    expect(html).toMatch(/<circle cx="[\d.]+%" cy="30" r="8"/);
    // The open bound's arrow tip in a nested viewport at the right edge.
    expect(html).toMatch(
      /<svg x="97.50%" y="0" width="1" height="1" overflow="visible" aria-hidden="true"><polygon/,
    );
    expect(html).toContain('<title id="t-title">');
  });

  it('marks the tick labels that would collide on a phone as minor, and anchors the ends inward', () => {
    const labels = tickLabels(
      [0, 200_000, 400_000, 600_000, 800_000, 1_000_000, 1_200_000].map((t, i) => ({
        at: 7 + (i * 88) / 6,
        text: t.toLocaleString('en-US'),
      })),
    );
    expect(labels[0]).toMatchObject({ anchor: 'start', minor: false });
    expect(labels.at(-1)?.anchor).toBe('end');
    const kept = labels.filter((l) => !l.minor);
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(labels.length);
    // Short labels fit side by side: none is dropped.
    expect(tickLabels([10, 30, 50, 70, 90].map((at) => ({ at, text: `${at}` }))).some((l) => l.minor)).toBe(
      false,
    );
  });
});
