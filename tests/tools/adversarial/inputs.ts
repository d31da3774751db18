// Adversarial texts for extraction and cross-referencing: repetitions that once made the core
// super-linear (issue 19), and runs of the characters its scanners treat specially. Shared by
// `npm run bench:adversarial` and the linear-time property test.

/** A unit repeated (cut at a whole unit) to about `bytes` characters. */
export function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

export interface Adversary {
  name: string;
  unit: string;
}

export const ADVERSARIES: Adversary[] = [
  { name: 'A ', unit: 'A ' },
  { name: 'Mr A. ', unit: 'Mr A. ' },
  { name: '57 countries ', unit: '57 countries ' },
  { name: 'digits', unit: '1234567890' },
  { name: 'digits with spaces', unit: '12 ' },
  { name: 'commas', unit: ',' },
  { name: 'numbers and commas', unit: '1,000,' },
  { name: 'parentheses', unit: '(' },
  { name: 'nested parentheses', unit: '(1 (' },
  { name: 'quotes', unit: '"' },
  { name: 'quoted words', unit: '"A" said ' },
  { name: 'capitals', unit: 'ABCDEFGHIJ' },
  { name: 'capitalised words', unit: 'Reuters Moscow ' },
  { name: 'long sentence', unit: 'the troops and 57 soldiers of the army said ' },
  { name: 'names and numbers', unit: 'Lloyd Austin said 57 soldiers died in Kyiv. ' },
  { name: 'many entities', unit: 'Austin, Biden, Putin, Zelensky, NATO, Kyiv and Moscow counted 12 ' },
  { name: 'sentences', unit: 'At least 57 people were killed in Kyiv, Ukraine, officials said. ' },
  { name: 'dots', unit: 'A. ' },
  { name: 'hyphens', unit: 'A-' },
  { name: 'percent', unit: '5% ' },
  { name: 'ranges', unit: '5-6 ' },
  { name: 'money', unit: '$1.2 billion ' },
  { name: 'apostrophes', unit: "A's " },
];
