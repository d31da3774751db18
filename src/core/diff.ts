// Word-level diff of two claims, with the parts that carry differing numbers marked for the reviewer.
import { diffWords } from 'diff';

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
  /** The part is a change that contains digits or number words: what the reviewer should look at first. */
  number?: boolean;
}

const NUMBERISH =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundreds?|thousands?|millions?|billions?|several|some|about|nearly|more|less|fewer)\b/i;

/** Diff `a` against `b` word by word; bounded so hostile input cannot stall a request. */
export function wordDiff(a: string, b: string): DiffPart[] {
  const parts = diffWords(a.slice(0, 5000), b.slice(0, 5000), { maxEditLength: 2000, timeout: 50 });
  if (!parts)
    return [
      { value: a, removed: true },
      { value: b, added: true },
    ];
  return parts.map((p) => {
    const part: DiffPart = { value: p.value };
    if (p.added) part.added = true;
    if (p.removed) part.removed = true;
    if ((p.added || p.removed) && NUMBERISH.test(p.value)) part.number = true;
    return part;
  });
}
