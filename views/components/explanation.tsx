// Why two claims were linked, in plain words: both intervals with their hedges, and the shared context.
import type { Explanation, QuantitySide } from '../types';
import { formatInterval, formatNumber, label } from './format';

function Side({ name, side }: { name: string; side: QuantitySide }) {
  return (
    <li>
      <strong>{name}</strong> says “{side.text}”, read as <strong>{formatInterval(side)}</strong> {side.unit}
      {side.rate ? ` per ${side.rate}` : ''}
      {side.hedge ? (
        <>
          {' '}
          — the hedge “<em>{side.hedge}</em>” widens it
        </>
      ) : (
        ' — stated exactly'
      )}
      .
    </li>
  );
}

const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Which gap the percentage measures: between the figures' nearest edges, relative to the larger edge
 * (src/core/crossref/severity.ts) — "57 vs the range's nearest edge 55, 3.5 % apart".
 */
export function gapWords(a: QuantitySide, b: QuantitySide, gap: number): string {
  if (!(a.high < b.low || b.high < a.low)) {
    // A soft conflict: the figures as written overlap, only as the sources mean them they do not.
    return `As written the two ranges meet; as the sources mean them they are ${percent.format(gap * 100)} % apart (between their middle values, relative to the larger).`;
  }
  const [lowSide, highSide] = a.high < b.low ? [a, b] : [b, a];
  const edge = (s: QuantitySide, top: boolean) => {
    const v = top ? s.high : s.low;
    const ranged = s.low !== s.high;
    return ranged ? `the range's nearest edge ${formatNumber(v)}` : formatNumber(v);
  };
  return `The two do not overlap: ${edge(highSide, false)} vs ${edge(lowSide, true)}, ${percent.format(gap * 100)} % apart (the gap between the nearest edges, relative to the larger).`;
}

export function ExplanationBlock({ explanation, relation }: { explanation: Explanation; relation: string }) {
  const e = explanation;
  return (
    <section class="explanation" aria-labelledby="why">
      <h2 id="why">Why this was flagged</h2>
      {e.summary ? <p class="summary">{e.summary}</p> : null}
      {e.a || e.b ? (
        <ul>
          {e.a ? <Side name="A" side={e.a} /> : null}
          {e.b ? <Side name="B" side={e.b} /> : null}
        </ul>
      ) : null}
      <p>
        {relation === 'conflict' && e.gap !== null && e.gap > 0 && e.a && e.b
          ? gapWords(e.a, e.b, e.gap)
          : relation === 'corroboration'
            ? 'The two ranges overlap, so the claims agree.'
            : `Relation: ${label(relation)}.`}
        {e.unitClass ? ` Both count the same kind of thing (${e.unitClass}).` : ''}
      </p>
      {e.sharedTerms.length > 0 ? (
        <p>
          Shared context:{' '}
          {e.sharedTerms.map((t, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <span class="term">{t}</span>
            </>
          ))}
        </p>
      ) : null}
    </section>
  );
}
