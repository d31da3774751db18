// Use case: wire copies at ingest. Which stored articles a new one is a copy of (src/core/wire-copies.ts
// decides, on the articles whose claims the cross-referencer is about to compare with it), and which
// links to drop: claims of one copy group never corroborate or contradict each other.

import type { Db } from '../../db/client';
import { copyInfoOf, type StoredCopyInfo } from '../../db/queries/wire-copies';
import {
  type CopySignature,
  decodeSignature,
  isWireCopy,
  lengthsAllowCopy,
  signatureShingles,
} from '../core/wire-copies';

export interface CopyGroups {
  /** Per incoming article (in order): the group's original, a stored id or an earlier incoming key. */
  originalOf: (string | undefined)[];
  /** Whether the articles keyed `a` and `b` are one wire story. */
  sameGroup(a: string, b: string): boolean;
}

/**
 * An article to group: its key as the cross-referencer names it, its signature, and the article it is
 * known to be a copy of already (a verbatim reprint, found by its text: a stored id or an earlier key).
 */
export interface IncomingCopy {
  key: string;
  signature: CopySignature;
  copyOf?: string | undefined;
}

/**
 * Groups `incoming` articles with the stored articles `storedIds` (those of the candidate claims) they
 * are copies of, and with each other.
 */
export async function wireCopyGroups(
  db: Db,
  incoming: IncomingCopy[],
  storedIds: number[],
): Promise<CopyGroups> {
  return copyGroupsOf(await copyInfoOf(db, [...new Set(storedIds)]), incoming);
}

/** An article a new one may be a copy of: its signature decoded when first needed (null: none or unreadable). */
interface Peer {
  key: string;
  shingles: number | null;
  raw: string | null;
  signature: CopySignature | null | undefined;
}

/**
 * wireCopyGroups over stored articles' copy info already read (`rows`: each stored article once; a
 * signature left out where it cannot match, as articleCandidatesQuery's copy peers).
 */
export function copyGroupsOf(rows: StoredCopyInfo[], incoming: IncomingCopy[]): CopyGroups {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  // The smaller stored id wins: a group is named after its first stored article.
  const rank = (k: string) => (/^\d+$/.test(k) ? Number(k) : Number.MAX_SAFE_INTEGER);
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    if (rank(ra) <= rank(rb)) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const r of rows) if (r.copyOf !== null) union(String(r.copyOf), String(r.id));
  // A stored signature is decoded only once an incoming article's length allows a copy (lengthsAllowCopy):
  // in a large archive most of the candidates' articles are other stories of other lengths.
  const stored: Peer[] = rows.map((r) => ({
    key: String(r.id),
    shingles: signatureShingles(r.copySignature),
    raw: r.copySignature,
    signature: undefined,
  }));
  const originalOf: (string | undefined)[] = [];
  const seen: Peer[] = [...stored];
  for (const a of incoming) {
    // A verbatim reprint is a copy whatever its length (short texts have no usable estimate).
    let matched = a.copyOf !== undefined;
    if (a.copyOf !== undefined) union(a.copyOf, a.key);
    for (const s of seen) {
      if (s.shingles === null || !lengthsAllowCopy(a.signature.shingles, s.shingles)) continue;
      if (s.signature === undefined) s.signature = decodeSignature(s.raw);
      if (s.signature && isWireCopy(a.signature, s.signature)) {
        union(s.key, a.key);
        matched = true;
      }
    }
    originalOf.push(matched ? find(a.key) : undefined);
    seen.push({ key: a.key, shingles: a.signature.shingles, raw: null, signature: a.signature });
  }
  return {
    // Read after every union: a later article may join two groups into one.
    originalOf: originalOf.map((o, k) => (o === undefined ? undefined : find(incoming[k]!.key))),
    sameGroup: (a, b) => parent.size > 0 && find(a) === find(b),
  };
}
