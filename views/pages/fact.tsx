// One fact: every source's figure for it, on a number line and in a table (the accessible fallback),
// in time order where articles carry dates, with the pairs that disagree one click away.
import pluralize from 'pluralize';
import { SeverityBadge, StatusBadge } from '../components/badge';
import { FactTableHead } from '../components/fact-table-head';
import { formatDate, formatInterval, formatNumber, sourceLabel } from '../components/format';
import { KeysScript } from '../components/keys-script';
import { NumberLine } from '../components/number-line';
import { Pager } from '../components/pager';
import { Permalink } from '../components/permalink';
import type { FactView } from '../types';

/** "Repeats a figure …": how a reviewed claim's verdict reads. */
const RULED: Record<string, string> = {
  false: 'ruled false',
  disputed: 'ruled disputed',
  unverifiable: 'ruled unverifiable',
  verified: 'verified',
};

const RESOLUTION: Record<string, string> = {
  open: 'open',
  a_holds: 'A holds',
  b_holds: 'B holds',
  neither: 'neither holds',
  dismissed: 'dismissed',
};

export function FactPage({ fact, permalink }: { fact: FactView; permalink: string }) {
  const byClaim = new Map(fact.rows.map((r) => [r.claimId, r]));
  const conflicts = fact.links.filter((l) => l.relation === 'conflict');
  const sources = new Set(fact.rows.map((r) => sourceLabel(r))).size;
  const first = (fact.page.number - 1) * fact.page.size + 1;
  const paged = fact.page.pages > 1;
  const pager = (
    <Pager
      page={fact.page.number}
      pages={fact.page.pages}
      size={fact.page.size}
      total={fact.totals.rows}
      noun="claims"
      href={(n) => (n === 1 ? `/facts/${fact.id}` : `/facts/${fact.id}?page=${n}`)}
      label="Pages of claims"
    />
  );
  const side = (claim: number) => {
    const row = byClaim.get(claim);
    const other = fact.elsewhere[claim];
    const n = fact.numbers[claim];
    if (row) return `#${n} ${sourceLabel(row)} ${row.figure.text}`;
    if (other) return `#${n ?? '?'} ${sourceLabel(other)} ${other.figure}`;
    return `claim ${claim}`;
  };
  return (
    <>
      <h1>
        Fact #{fact.id}: how many {pluralize(fact.unit)}?{' '}
        <span class="muted">({fact.totals.rows} claims)</span>{' '}
        {fact.severity ? <SeverityBadge severity={fact.severity} /> : null}
      </h1>
      <p class="muted">
        {paged
          ? `${sources} ${sources === 1 ? 'source' : 'sources'} on this page`
          : `${sources} ${sources === 1 ? 'source' : 'sources'}`}{' '}
        · {fact.groups > 1 ? `${fact.groups} disagreeing figures` : 'they agree'} · {fact.openConflicts} open{' '}
        {fact.openConflicts === 1 ? 'conflict' : 'conflicts'}
        {fact.timeOrdered ? ' · in order of publication' : ''} ·{' '}
        <a href={`/api/facts/${fact.id}${fact.page.number > 1 ? `?page=${fact.page.number}` : ''}`}>JSON</a> ·{' '}
        <a href="/api/export/claimreview">ClaimReview export</a>
      </p>
      <Permalink url={permalink} />
      {pager}
      <figure class="card fact-figure">
        <NumberLine
          rows={fact.rows}
          unit={fact.unit}
          idPrefix={`nl-fact-${fact.id}`}
          first={first}
          span={paged ? fact.span : null}
        />
        <figcaption class="muted legend">
          <span class="key-dot" /> exact figure · <span class="key-bar" /> range or hedged (“about”, “some”) ·{' '}
          <span class="key-arrow">→</span> open bound (“more than”) · one colour per group of sources that
          agree{paged ? ' · every page of this fact on the same scale' : ''}
        </figcaption>
      </figure>
      <table class="fact-table" data-kb-list>
        <caption>
          Each claim's figure{fact.timeOrdered ? ', oldest report first' : ''}
          {paged ? ` (claims ${first}–${first + fact.rows.length - 1} of ${fact.totals.rows})` : ''}
        </caption>
        <FactTableHead />
        <tbody>
          {fact.rows.map((r, i) => (
            <tr class={`fact-row g${r.group % 6}`} data-kb-item="row" tabindex={-1}>
              <td>
                <span class="swatch" /> {first + i}
              </td>
              <td>
                <strong>{sourceLabel(r)}</strong>
                <br />
                <span class="muted">{r.publishedAt ?? 'no date'}</span>
              </td>
              <td class="figure-cell">
                <strong>{r.figure.text}</strong>
                <br />
                <span class="muted">
                  {formatInterval({
                    ...r.figure,
                    high: Number.isFinite(r.figure.high) ? r.figure.high : null,
                  })}
                </span>
                {r.update ? (
                  <p class="update-note">
                    {r.update.years
                      ? `Likely the same person ${r.update.years} ${r.update.years === 1 ? 'year' : 'years'} on: aged ${formatNumber(r.update.from)} as reported ${r.update.at}`
                      : `Likely an update: up from ${formatNumber(r.update.from)} reported ${r.update.at}`}
                  </p>
                ) : null}
                {r.repeats ? (
                  <p class={`repeat-note repeat-${r.repeats.status}`}>
                    Repeats a figure{' '}
                    <a href={`/claims/${r.repeats.claimId}`}>
                      {RULED[r.repeats.status] ?? r.repeats.status}
                      {r.repeats.at ? ` on ${formatDate(r.repeats.at).slice(0, 10)}` : ''}
                    </a>
                  </p>
                ) : null}
              </td>
              <td>
                <a class="row-link claim-link" href={`/claims/${r.claimId}`}>
                  {r.text}
                </a>{' '}
                <StatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
      {conflicts.length ? (
        <section class="card">
          <h2>The pairs that disagree{paged ? ', of the claims on this page' : ''}</h2>
          {fact.totals.conflicts > conflicts.length ? (
            <p class="muted">
              {conflicts.length} of the fact's {fact.totals.conflicts} conflicts: those of the claims above,
              open and most severe first.
            </p>
          ) : null}
          <ul class="fact-pairs">
            {conflicts.map((l) => (
              <li>
                <a href={`/conflicts/${l.id}`}>
                  {side(l.claimA)} vs {side(l.claimB)}
                </a>{' '}
                <SeverityBadge severity={l.severity} /> <span class="muted">{RESOLUTION[l.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="key-hints muted">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move between rows · <kbd>Enter</kbd> opens the claim · <kbd>?</kbd>{' '}
        all keys
      </p>
      <KeysScript />
    </>
  );
}
