// The two-step candidate lookup (db/queries/candidates.ts) chooses exactly the claims the previous
// single statement chose (every key's newest CANDIDATES_PER_KEY ranked with window functions, then
// the MAX_CANDIDATES budget), on key distributions from one claim per key to far more than the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATES_PER_KEY, candidateClaims, MAX_CANDIDATES } from '../../db/queries/candidates';
import { createTestDb, type TestDb } from '../helpers/db';

const REFERENCE = `with k(key) as (select distinct value from json_each(?)),
per as (select k.key, ck.claim_id,
    row_number() over (partition by k.key order by ck.claim_id desc) as rn,
    count(*) over (partition by k.key) as n
  from k join claim_keys ck on ck.key = k.key
    and ck.claim_id >= coalesce((select x.claim_id from claim_keys x where x.key = k.key order by x.claim_id desc limit 1 offset ${CANDIDATES_PER_KEY - 1}), 0)),
share(l0) as (select max(1, ${MAX_CANDIDATES} / max(1, count(*))) from k),
alloc(l1) as (select max(1, (${MAX_CANDIDATES} - coalesce(sum(case when per.n <= share.l0 then per.n end), 0))
    / max(1, sum(case when per.n > share.l0 then 1 else 0 end))) from per, share where per.rn = 1)
select distinct per.claim_id as id from per, share, alloc where per.n <= share.l0 or per.rn <= alloc.l1 order by id`;

let t: TestDb;
const CLAIMS = 1_500;
beforeAll(async () => {
  t = await createTestDb();
  await t.client.execute("insert into sources (name) values ('Wire')");
  await t.client.execute(
    "insert into articles (source_id, title, body, content_hash) values (1, 'synthetic', 'x', 'h')",
  );
  await t.client.execute({
    sql: `insert into claims (article_id, position, start, "end", text, kind, checkworthiness, terms, context_terms, entities, quotes)
      select 1, value, 0, 1, 'x', 'statement', 0.5, '[]', '[]', '[]', '[]' from generate_series(1, ?)`,
    args: [CLAIMS],
  });
  // Key "k<m>" on every claim whose id is a multiple of m: from 1,500 claims (k1) down to a handful.
  const keys: [string, number][] = [];
  for (let m = 1; m <= 400; m = m < 10 ? m + 1 : Math.ceil(m * 1.3)) {
    for (let id = m; id <= CLAIMS; id += m) keys.push([`k${m}`, id]);
  }
  // A rare key or two per claim range, too.
  for (let id = 7; id <= CLAIMS; id += 97) keys.push([`rare${id}`, id]);
  await t.client.execute({
    sql: `insert into claim_keys (key, claim_id) select json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(?)`,
    args: [JSON.stringify(keys)],
  });
});
afterAll(() => t.cleanup());

const reference = async (keys: string[]) =>
  (await t.client.execute({ sql: REFERENCE, args: [JSON.stringify(keys)] })).rows.map((r) => Number(r.id));

const chosen = async (keys: string[]) =>
  (await candidateClaims(t.db, keys)).map((c) => Number(c.ref)).sort((a, b) => a - b);

describe('candidate lookup in two steps', () => {
  const allKeys = async () =>
    (await t.client.execute('select distinct key from claim_keys order by key')).rows.map((r) =>
      String(r.key),
    );

  it('chooses what the single window-function statement chose, for many key sets', async () => {
    const keys = await allKeys();
    const sets: string[][] = [
      [],
      ['nothing-stored'],
      ['k1'],
      ['k2', 'k3'],
      keys.filter((k) => k.startsWith('rare')),
      keys,
      [...keys, 'nothing-stored', 'k1'],
    ];
    // Deterministic pseudo-random subsets of every size.
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let size = 1; size <= keys.length; size += 3)
      sets.push(keys.filter(() => next() < size / keys.length));
    for (const set of sets) expect(await chosen(set), JSON.stringify(set)).toEqual(await reference(set));
  });

  it("answers each candidate's keys among those asked for, all of them, in stored order", async () => {
    const asked = ['k5', 'k7', 'rare7', 'nothing-stored'];
    const found = await candidateClaims(t.db, asked);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) {
      const stored = (
        await t.client.execute({
          sql: 'select key from claim_keys where claim_id = ?',
          args: [Number(c.ref)],
        })
      ).rows.map((r) => String(r.key));
      expect(c.keys).toEqual(stored.filter((k) => asked.includes(k)));
    }
  });
});
