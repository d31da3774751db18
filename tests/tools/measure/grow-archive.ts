// Grows a measuring archive to a given number of claims by copying stored articles in SQL (as
// `npm run bench` does past 100k claims): ingesting tens of thousands more articles through the app
// would take hours here. Each copy gets a new outlet, title and content hash, its quantities scaled (so
// its figures differ from the original's), and its claims, blocking keys, mentions and wire-copy
// signature; links are not copied, and term_stats is scaled to the new total, so every key's claims
// multiply and the candidate lookup meets full keys, as in an archive that grew over months.

interface SqlClient {
  execute(stmt: string | { sql: string; args: (string | number)[] }): Promise<{
    rows: Record<string, unknown>[];
  }>;
  batch(stmts: { sql: string; args: (string | number)[] }[], mode: 'write'): Promise<unknown>;
}

const count = async (client: SqlClient, sql: string) => Number((await client.execute(sql)).rows[0]?.n ?? 0);

/**
 * Copies the articles above id `after` (the seeds stay single) round after round until at least
 * `target` claims are stored; returns the number of claims. `log` hears of every round.
 */
export async function growByCopies(
  client: SqlClient,
  target: number,
  { after = 0, log = () => {} }: { after?: number; log?: (line: string) => void } = {},
): Promise<number> {
  let claims = await count(client, 'select count(*) as n from claims');
  for (let round = 1; claims < target; round++) {
    const maxId = await count(client, 'select max(id) as n from articles');
    const perArticle =
      claims / Math.max(1, await count(client, `select count(*) as n from articles where id > ${after}`));
    const wanted = Math.max(10, Math.ceil((target - claims) / Math.max(1, perArticle)));
    const upTo = Number(
      (
        await client.execute({
          sql: 'select max(id) as m from (select id from articles where id > ? and id <= ? order by id limit ?)',
          args: [after, maxId, wanted],
        })
      ).rows[0]?.m,
    );
    const suffix = `:copy${round}:${maxId}`;
    const f = 1 + round / 100;
    const map = `join articles n on n.content_hash = o.content_hash || '${suffix}'`;
    const range = 'o.id > ? and o.id <= ?';
    const t0 = performance.now();
    await client.batch(
      [
        {
          sql: `insert or ignore into sources (name) select 'Copies ' || (value % 40) from json_each('[${Array.from({ length: 40 }, (_, i) => i).join(',')}]')`,
          args: [],
        },
        {
          sql: `insert into articles (source_id, title, url, published_at, body, content_hash, copy_signature)
            select (select id from sources where name = 'Copies ' || ((o.id + ${round}) % 40)), o.title || ' (copy ${round})', null, o.published_at, o.body, o.content_hash || '${suffix}', o.copy_signature
            from articles o where ${range} order by o.id`,
          args: [after, upTo],
        },
        {
          sql: `insert into claims (article_id, position, start, "end", text, kind, checkworthiness, terms, context_terms, entities, quotes, prev_start, prev_end)
            select n.id, c.position, c.start, c."end", c.text, c.kind, c.checkworthiness, c.terms, c.context_terms, c.entities, c.quotes, c.prev_start, c.prev_end
            from articles o ${map} join claims c on c.article_id = o.id where ${range} order by n.id, c.position`,
          args: [after, upTo],
        },
        {
          sql: `insert into quantities (claim_id, start, "end", raw, value, low, high, low_inclusive, high_inclusive, unit, unit_class, modifiers, rate, hedge)
            select nc.id, q.start, q."end", q.raw, q.value * ${f}, q.low * ${f}, q.high * ${f}, q.low_inclusive, q.high_inclusive, q.unit, q.unit_class, q.modifiers, q.rate, q.hedge
            from articles o ${map} join claims oc on oc.article_id = o.id join claims nc on nc.article_id = n.id and nc.position = oc.position
            join quantities q on q.claim_id = oc.id where ${range}`,
          args: [after, upTo],
        },
        {
          sql: `insert into claim_keys (key, claim_id)
            select k.key, nc.id from articles o ${map} join claims oc on oc.article_id = o.id
            join claims nc on nc.article_id = n.id and nc.position = oc.position
            join claim_keys k on k.claim_id = oc.id where ${range} order by nc.id`,
          args: [after, upTo],
        },
        {
          sql: `insert into mentions (article_id, entity_key, start, "end", surface)
            select n.id, m.entity_key, m.start, m."end", m.surface from articles o ${map} join mentions m on m.article_id = o.id where ${range}`,
          args: [after, upTo],
        },
      ],
      'write',
    );
    const total = await count(client, 'select count(*) as n from claims');
    await client.batch(
      [
        {
          sql: `update term_stats set df = case when term = '' then ? else cast(round(df * ? / ?) as integer) end`,
          args: [total, total, claims],
        },
      ],
      'write',
    );
    log(
      `  archive: copied articles ${after + 1}–${upTo}: ${total} claims (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
    claims = total;
  }
  return claims;
}
