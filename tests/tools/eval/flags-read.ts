// The within-incident conflicts the detector raised, read by hand (tests/eval-data/ecbplus-flags-read.jsonl):
// of what a reviewer is shown between two reports of one incident, how much is a real disagreement.
// The file holds the flags of 2026-12-07 (session 15), each labelled `real` or `false` with a reason;
// a flag raised today that nobody has read yet is counted apart and listed, to be read and added.
import { join } from 'node:path';
import { readJsonl } from './common';

interface ReadFlag {
  topic: number;
  a: string;
  b: string;
  label: 'real' | 'false';
  reason: string;
}
export interface Flag {
  topic: number;
  a: string;
  b: string;
}

const keyOf = (f: Flag) => [f.a, f.b].sort().join(' | ');

export function scoreFlagsRead(flags: Flag[]) {
  const read = new Map(
    readJsonl<ReadFlag>(join(import.meta.dirname, '../../eval-data'), 'ecbplus-flags-read.jsonl').map((r) => [
      keyOf(r),
      r,
    ]),
  );
  const found = flags.map((f) => ({ flag: f, read: read.get(keyOf(f)) }));
  const real = found.filter((x) => x.read?.label === 'real').length;
  const falseFlags = found.filter((x) => x.read?.label === 'false');
  const unread = found.filter((x) => !x.read).map((x) => x.flag);
  return {
    real,
    false: falseFlags.length,
    unread: unread.length,
    realShare: real + falseFlags.length ? real / (real + falseFlags.length) : 0,
    falseFlags: falseFlags.map((x) => ({ ...x.flag, reason: x.read!.reason })),
    unreadFlags: unread,
  };
}
