// A fact's figures on one number line, drawn as SVG on the server (no script, no inline style: the
// colours are classes in app.css, so the CSP needs nothing new). One lane per row: exact values as
// dots, ranges and hedged figures as bars, open bounds as arrows to the edge; agreeing claims share a
// colour. The table beside it says the same in words (the accessible fallback).
import type { FactRow, Figure } from '../types';
import { formatNumber, sourceLabel } from './format';
import { scaleOf } from './number-scale';

const W = 600;
const LEFT = 30;
const RIGHT = 24;
const LANE = 34;
const TOP = 12;
const AXIS = 30;

/**
 * `idPrefix` tells several lines on one page apart (their title and description ids): required, so
 * that no page can draw two lines with the same ids (the fact page names its fact, the compare page
 * numbers its facts).
 */
export function NumberLine({
  rows,
  unit,
  idPrefix,
  first = 1,
  span,
}: {
  rows: FactRow[];
  unit: string;
  idPrefix: string;
  /** The first lane's row number (a fact's later pages go on counting). */
  first?: number;
  /** The scale's span when the rows are one page of more: every page of a fact on the same scale. */
  span?: { low: number; high: number } | null;
}) {
  const spanned = span ? [{ ...span, lowInclusive: true, highInclusive: true, hedge: null, text: '' }] : [];
  const { min, max, ticks } = scaleOf([...rows.map((r) => r.figure), ...spanned]);
  const x = (v: number) =>
    LEFT + ((Math.min(Math.max(v, min), max) - min) / (max - min)) * (W - LEFT - RIGHT);
  const h = TOP + rows.length * LANE + AXIS;
  const axisY = TOP + rows.length * LANE + 4;
  const summary = rows.map((r) => `${sourceLabel(r)}: ${r.figure.text}`).join('; ');
  return (
    <svg
      class="number-line"
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${idPrefix}-title`}>{`Each source's figure (${unit}) on one scale`}</title>
      <desc id={`${idPrefix}-desc`}>{summary}</desc>
      {ticks.map((t) => (
        <g class="tick">
          <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={axisY} />
          <text x={x(t)} y={axisY + 16} text-anchor="middle">
            {formatNumber(t)}
          </text>
        </g>
      ))}
      <line class="axis" x1={LEFT} x2={W - RIGHT + 12} y1={axisY} y2={axisY} />
      {rows.map((r, i) => (
        <Mark
          f={r.figure}
          shape={r.shape}
          y={TOP + i * LANE + LANE / 2}
          x={x}
          cls={`g${r.group % 6}`}
          n={first + i}
        />
      ))}
    </svg>
  );
}

function Mark({
  f,
  shape,
  y,
  x,
  cls,
  n,
}: {
  f: Figure;
  shape: FactRow['shape'];
  y: number;
  x: (v: number) => number;
  cls: string;
  n: number;
}) {
  const label = (
    <text class="lane-label" x={4} y={y + 5}>
      {`${n}`}
    </text>
  );
  if (shape === 'dot') {
    return (
      <g class={`mark ${cls}`}>
        {label}
        <circle cx={x(f.low)} cy={y} r={7} />
      </g>
    );
  }
  if (shape === 'open-above' || shape === 'open-below') {
    const up = shape === 'open-above';
    const from = up ? x(f.low) : x(f.high);
    const to = up ? W - RIGHT + 10 : LEFT;
    const tip = up
      ? `${to},${y} ${to - 10},${y - 7} ${to - 10},${y + 7}`
      : `${to},${y} ${to + 10},${y - 7} ${to + 10},${y + 7}`;
    return (
      <g class={`mark ${cls}`}>
        {label}
        <rect x={Math.min(from, to)} y={y - 4} width={Math.abs(to - from)} height={8} rx={2} />
        <circle cx={from} cy={y} r={6} class={(up ? f.lowInclusive : f.highInclusive) ? '' : 'open'} />
        <polygon points={tip} />
      </g>
    );
  }
  const x1 = x(f.low);
  const x2 = Math.max(x(f.high), x1 + 4);
  return (
    <g class={`mark ${cls}${f.hedge ? ' hedged' : ''}`}>
      {label}
      <rect x={x1} y={y - 6} width={x2 - x1} height={12} rx={6} />
    </g>
  );
}
