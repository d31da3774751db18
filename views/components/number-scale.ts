// The number line's horizontal scale (views/components/number-line.tsx): pure arithmetic on the figures.
import type { Figure } from '../types';

/**
 * The number line's scale: the figures' finite span, padded, with round ticks (labelled), and the fine
 * ticks between them (unlabelled marks on the axis: a fifth of a step of 1 or 5, a half of a step of 2),
 * so that 54 and 57 can be told apart on a line labelled every 5.
 */
export function scaleOf(figures: readonly Figure[]): {
  min: number;
  max: number;
  ticks: number[];
  fine: number[];
} {
  const finite = figures.flatMap((f) => [f.low, ...(Number.isFinite(f.high) ? [f.high] : [])]);
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (!Number.isFinite(min)) return { min: 0, max: 1, ticks: [0, 1], fine: [] };
  if (min === max) {
    const d = Math.abs(min) * 0.1 || 1;
    min -= d;
    max += d;
  }
  const pad = (max - min) * 0.08;
  min = min >= 0 && min - pad < 0 ? 0 : min - pad;
  max += pad;
  const raw = (max - min) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) as number;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  const fineStep = step / (Math.round(step / mag) === 2 ? 2 : 5);
  const fine: number[] = [];
  for (let k = Math.ceil(min / fineStep); k * fineStep <= max + 1e-9; k++) {
    const t = Number((k * fineStep).toPrecision(12));
    if (!ticks.includes(t)) fine.push(t);
  }
  return { min, max, ticks, fine };
}
