// One story told twice: a summary and its document, two outlets' reports of one incident. Such texts
// state many of the same figures ("up 19%", "$455 million to $475 million"); two incidents of one kind
// (two quakes, two heists, two quarters of one company) rarely state more than one alike.
import { term } from './terms';
import type { Quantity } from './types';
import { classOf } from './unit-class';

/** An article's story figures are its first distinct ones, up to this many. */
const MAX_STORY_FIGURES = 40;

/**
 * A figure that tells one story from another, as its family and interval ("percent=19",
 * "money=455000000-475000000"), or null: dates and times of day (every report of a year shares its
 * year), and whole counts of ten or fewer ("two people", "three years") that any two stories share.
 */
export function storyFigureKey(q: Quantity): string | null {
  const u = classOf(q);
  if (u.family === 'date' || u.family === 'time' || q.unitClass === '') return null;
  if (q.high <= 10 && u.family !== 'money' && u.family !== 'percent') return null;
  // A change of nothing ("no discounts", no-change-is-zero) tells no figure of the story.
  if (q.high === 0) return null;
  const span = q.low === q.high ? String(q.low) : `${q.low}-${q.high}`;
  return `${u.family}=${span}`;
}

/** The story-figure terms of an article: its distinct story figures, in order, up to the limit. */
export function storyFigures(quantities: readonly Quantity[]): string[] {
  const keys = new Set<string>();
  for (const q of quantities) {
    if (keys.size >= MAX_STORY_FIGURES) break;
    const k = storyFigureKey(q);
    if (k !== null) keys.add(k);
  }
  return [...keys].map((k) => term('story-figure', k));
}

/** What a text states that tells its story: the names it mentions and the figures it states. */
export interface StoryItems {
  names: ReadonlySet<string>;
  figures: ReadonlySet<string>;
}

/** Share of the told items (beyond the one in dispute) that makes two texts one story. */
const ONE_STORY_SHARE = 0.75;
/** Fewer items than this in common is chance, however short the text. */
const ONE_STORY_MIN = 3;

/**
 * Rule `one-story`: two texts tell one story when the one that tells less names and states nearly
 * everything it tells (three quarters, at least three items) in the other too: a summary retells its
 * document's names and figures. The figure in dispute is no difference of story: it is left out of
 * the size, as a retold sentence's is (wording.ts). Two incidents of one kind share a place, a team or
 * a figure, not nearly all of what the shorter report tells.
 *
 * Rule `brief-retelling`: a text that tells fewer than three items beyond the one in dispute (a
 * summary of a sentence or two: "A sales agent from BestInsuranceXYZ offers … discounts for senior
 * citizens over 75") cannot share three; it tells one story with the other when the other names and
 * states all it tells but one item (the figure in dispute), a name among them. A whole report names
 * far more than three things, so this never judges two whole reports; a one-line headline naming only
 * "Paris" does pass it against a report of another Paris heist, and is still told apart from it by
 * the years, days and people of the two sentences themselves, which one story does not skip.
 */
export function oneStory(a: StoryItems, b: StoryItems): boolean {
  const [small, large] = a.names.size + a.figures.size <= b.names.size + b.figures.size ? [a, b] : [b, a];
  const size = small.names.size + small.figures.size - 1;
  let names = 0;
  let shared = 0;
  for (const k of small.names) if (large.names.has(k)) names++;
  for (const k of small.figures) if (large.figures.has(k)) shared++;
  shared += names;
  if (shared >= ONE_STORY_MIN && shared >= ONE_STORY_SHARE * size) return true;
  return size < ONE_STORY_MIN && names > 0 && shared >= size;
}
