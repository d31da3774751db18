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
  return parts.flatMap((p) => {
    const base: DiffPart = { value: p.value };
    if (p.added) base.added = true;
    if (p.removed) base.removed = true;
    if (!(p.added || p.removed) || !NUMBERISH.test(p.value)) return [base];
    // Mark only the numbers inside a changed run, so "57" stands out rather than the whole clause.
    return splitNumbers(p.value).map(({ value, number }) =>
      number ? { ...base, value, number } : { ...base, value },
    );
  });
}

const NUMBER_RUN = new RegExp(
  `(?:${NUMBERISH.source})[\\w.,-]*(?:\\s+(?:${NUMBERISH.source})[\\w.,-]*)*`,
  'gi',
);

function splitNumbers(value: string): { value: string; number: boolean }[] {
  const out: { value: string; number: boolean }[] = [];
  let last = 0;
  for (const m of value.matchAll(NUMBER_RUN)) {
    if (m.index > last) out.push({ value: value.slice(last, m.index), number: false });
    out.push({ value: m[0], number: true });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ value: value.slice(last), number: false });
  return out;
}
