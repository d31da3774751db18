import type { Quantity } from '../types';

/**
 * Where a figure stands in its claim's text, and the characters right before and after it: the words
 * many rules read a figure by ("born in 1990", "some 930 miles south of Manila"). Each rule keeps the
 * width of its own window, since each width says how far that rule's words may stand from the figure.
 */
export class FigureInText {
  /** The whole text the figure was found in. */
  readonly text: string;
  /** Where the figure's words start in the text. */
  readonly at: number;
  /** Where they end: the first character after the figure. */
  readonly end: number;
  constructor(text: string, at: number, end: number) {
    this.text = text;
    this.at = at;
    this.end = end;
  }
  /** Up to n characters right before the figure (fewer at the start of the text). */
  before(n: number): string {
    return this.text.slice(Math.max(0, this.at - n), this.at);
  }
  /** Up to n characters right after the figure; with no n, the rest of the text. */
  after(n?: number): string {
    return n === undefined ? this.text.slice(this.end) : this.text.slice(this.end, this.end + n);
  }
  /** The figure with up to `back` characters before it and `ahead` after it. */
  around(back: number, ahead: number): string {
    return this.text.slice(Math.max(0, this.at - back), this.end + ahead);
  }
}

/**
 * The figure q in text, found by its own words (their first occurrence), or null when they are not
 * there: every rule reading the words around a figure then says nothing.
 */
export function figureIn(text: string, q: Pick<Quantity, 'text'>): FigureInText | null {
  const at = text.indexOf(q.text);
  return at < 0 ? null : new FigureInText(text, at, at + q.text.length);
}
