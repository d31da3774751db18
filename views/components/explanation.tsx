// Why two claims were linked, in plain words: both intervals with their hedges, and the shared context.
import type { Explanation, QuantitySide } from '../../src/core';
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
        {relation === 'conflict' && e.gap !== null && e.gap > 0
          ? `The two ranges do not overlap: they are ${formatNumber(Math.round(e.gap * 100))}% apart, relative to the larger value.`
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
