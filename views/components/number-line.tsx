// A fact's figures on one number line, drawn as SVG on the server (no script, no inline style: the
// colours are classes in app.css, so the CSP needs nothing new). One lane per row: exact values as
// dots, ranges and hedged figures as bars, open bounds as arrows to the edge; agreeing claims share a
// colour. The table beside it says the same in words (the accessible fallback).
//
// Across, positions are percentages of the line's width; down, lanes and text are real pixels. So the
// line fills a 390 px phone as well as a desktop column, and its marks and labels keep their size
// (scaling one drawing to the width made them a third smaller on a phone). Tick labels that would
// collide at a phone's width are `minor`, and app.css hides them there. Fine ticks between the labelled
// ones mark the axis (a line as wide as a 1440 px screen's card is read to the unit).
import type { FactRow, Figure } from '../types';
import { formatNumber, sourceLabel } from './format';
import { scaleOf } from './number-scale';

/** Percent of the width left of the scale (the lane numbers) and right of it (the arrows' tips). */
const LEFT = 7;
const RIGHT = 5;
/** Pixels: one lane, the space above the first, and the axis with its labels below the last. */
const LANE = 36;
const TOP = 12;
const AXIS = 32;
/** The narrowest the line is drawn (a 390 px phone's card), and the labels' font size there, in px. */
const NARROW = 330;
const LABEL_PX = 13;

const pct = (v: number) => `${v.toFixed(2)}%`;

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
  const { min, max, ticks, fine } = scaleOf([...rows.map((r) => r.figure), ...spanned]);
  const x = (v: number) =>
    LEFT + ((Math.min(Math.max(v, min), max) - min) / (max - min)) * (100 - LEFT - RIGHT);
  const h = TOP + rows.length * LANE + AXIS;
  const axisY = TOP + rows.length * LANE + 4;
  const summary = rows.map((r) => `${sourceLabel(r)}: ${r.figure.text}`).join('; ');
  const labels = tickLabels(ticks.map((t) => ({ at: x(t), text: formatNumber(t) })));
  return (
    <svg
      class="number-line"
      width="100%"
      height={h}
      role="img"
      aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
    >
      <title id={`${idPrefix}-title`}>{`Each source's figure (${unit}) on one scale`}</title>
      <desc id={`${idPrefix}-desc`}>{summary}</desc>
      {labels.map((t) => (
        <g class={t.minor ? 'tick minor' : 'tick'}>
          <line x1={pct(t.at)} x2={pct(t.at)} y1={TOP - 6} y2={axisY} />
          <text x={pct(t.at)} y={axisY + 18} text-anchor={t.anchor}>
            {t.text}
          </text>
        </g>
      ))}
      <line class="axis" x1={pct(LEFT)} x2={pct(100 - RIGHT / 2)} y1={axisY} y2={axisY} />
      {fine.map((t) => (
        <line class="fine-tick" x1={pct(x(t))} x2={pct(x(t))} y1={axisY} y2={axisY + 5} />
      ))}
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

/**
 * Where each tick's label is anchored (the outermost toward the inside, so none is cut at an edge), and
 * which to leave out on a phone: from the left, a label is `minor` when it would overlap the last one
 * kept at the narrowest width drawn (its width estimated from its characters).
 */
export function tickLabels(
  ticks: readonly { at: number; text: string }[],
): { at: number; text: string; anchor: 'start' | 'middle' | 'end'; minor: boolean }[] {
  let keptRight = Number.NEGATIVE_INFINITY;
  return ticks.map((t) => {
    const anchor = t.at < LEFT + 4 ? 'start' : t.at > 100 - RIGHT - 4 ? 'end' : 'middle';
    const width = t.text.length * LABEL_PX * 0.6;
    const px = (t.at / 100) * NARROW;
    const left = anchor === 'start' ? px : anchor === 'end' ? px - width : px - width / 2;
    const minor = left < keptRight + 8;
    if (!minor) keptRight = left + width;
    return { ...t, anchor, minor };
  });
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
        <circle cx={pct(x(f.low))} cy={y} r={8} />
      </g>
    );
  }
  if (shape === 'open-above' || shape === 'open-below') {
    const up = shape === 'open-above';
    const from = up ? x(f.low) : x(f.high);
    const to = up ? 100 - RIGHT / 2 : LEFT;
    // The tip in pixels around its own origin, placed at a percentage by a nested viewport.
    const tip = up ? `0,${y} -11,${y - 8} -11,${y + 8}` : `0,${y} 11,${y - 8} 11,${y + 8}`;
    return (
      <g class={`mark ${cls}`}>
        {label}
        <rect x={pct(Math.min(from, to))} y={y - 5} width={pct(Math.abs(to - from))} height={10} rx={2} />
        <circle cx={pct(from)} cy={y} r={7} class={(up ? f.lowInclusive : f.highInclusive) ? '' : 'open'} />
        <svg x={pct(to)} y={0} width={1} height={1} overflow="visible" aria-hidden="true">
          <polygon points={tip} />
        </svg>
      </g>
    );
  }
  const x1 = x(f.low);
  const x2 = Math.max(x(f.high), x1 + 1);
  return (
    <g class={`mark ${cls}${f.hedge ? ' hedged' : ''}`}>
      {label}
      <rect x={pct(x1)} y={y - 7} width={pct(x2 - x1)} height={14} rx={7} />
    </g>
  );
}
