// The number line's horizontal scale (views/components/number-line.tsx): pure arithmetic on the figures.
import type { Figure } from '../types';

/** The number line's scale: the figures' finite span, padded, with round ticks. */
export function scaleOf(figures: readonly Figure[]): { min: number; max: number; ticks: number[] } {
  const finite = figures.flatMap((f) => [f.low, ...(Number.isFinite(f.high) ? [f.high] : [])]);
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (!Number.isFinite(min)) return { min: 0, max: 1, ticks: [0, 1] };
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
  return { min, max, ticks };
}
