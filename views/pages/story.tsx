// One story: the articles about one event, each fact with every outlet's figures (coloured by the
// group of figures that agree), and how often each pair of outlets agrees or disagrees, as a heat map.
import pluralize from 'pluralize';
import { Pager } from '../components/pager';
import { Permalink } from '../components/permalink';
import type { OutletMatrix, StoryFact, StoryView } from '../types';

const count = (n: number, word: string) => `${n} ${n === 1 ? word : pluralize(word)}`;

/** The address of one page of a story: which page of its facts, which of its articles. */
function pageHref(id: number, facts: number, articles: number): string {
  const p = new URLSearchParams();
  if (facts > 1) p.set('page', String(facts));
  if (articles > 1) p.set('articles', String(articles));
  const q = p.toString();
  return `/stories/${id}${q ? `?${q}` : ''}`;
}

export function StoryPage({ story, permalink }: { story: StoryView; permalink: string }) {
  const { facts: factPage, articles: articlePage } = story.page;
  // The facts table's columns: the outlets with a figure on this page, in order of first report; past
  // the heat map's outlets (MATRIX_OUTLETS), the others share one last column, as in the heat map.
  const kept = new Set(story.matrix.folded ? story.matrix.outlets.slice(0, -1) : story.outlets);
  const stating = story.outlets.filter((o) => story.facts.some((f) => f.figures.has(o)));
  const columns = stating.filter((o) => kept.has(o));
  const others = stating.filter((o) => !kept.has(o));
  const firstArticle = (articlePage.number - 1) * articlePage.size + 1;
  return (
    <>
      <h1>
        Story #{story.id}: {story.title}
      </h1>
      <p class="muted">
        {count(story.totals.articles, 'article')} · {count(story.totals.outlets, 'outlet')} ·{' '}
        {count(story.totals.facts, 'fact')}, {story.totals.disputed} with conflicting figures ·{' '}
        <a href={`/api/stories/${story.id}`}>JSON</a> · <a href="/stories">all stories</a>
      </p>
      <Permalink url={permalink} />
      <h2>Facts, with every outlet's figures</h2>
      <p class="muted table-note">
        Figures that agree share a colour; a fact with two or more colours is disputed (marked with a red
        edge). Facts the outlets disagree on come first.
        {story.matrix.folded
          ? ' Past the outlets the heat map draws one by one, the others share the last column: each fact page lists their figures.'
          : null}
      </p>
      <Pager
        page={factPage.number}
        pages={factPage.pages}
        size={factPage.size}
        total={story.totals.facts}
        noun="facts"
        href={(n) => pageHref(story.id, n, articlePage.number)}
        label="Pages of facts"
      />
      <div class="table-scroll">
        <table class="story-facts">
          <caption class="visually-hidden">
            Each fact of the story, with every outlet's figures for it
          </caption>
          <thead>
            <tr>
              <th scope="col">Fact</th>
              {columns.map((o) => (
                <th scope="col">{o}</th>
              ))}
              {others.length ? <th scope="col">{count(others.length, 'other outlet')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {story.facts.map((f) => (
              <FactRow fact={f} outlets={columns} others={others} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>Outlet × outlet</h2>
      <AgreementMatrix matrix={story.matrix} />
      <section class="card">
        <h2>Its articles</h2>
        <ol class="story-articles" start={firstArticle}>
          {story.articles.map((a) => (
            <li>
              <strong>{a.outlet}</strong> · <a href={`/articles/${a.id}`}>{a.title}</a>{' '}
              <span class="muted">{a.publishedAt ?? 'no date'}</span>
            </li>
          ))}
        </ol>
        <Pager
          page={articlePage.number}
          pages={articlePage.pages}
          size={articlePage.size}
          total={story.totals.articles}
          noun="articles"
          href={(n) => pageHref(story.id, factPage.number, n)}
          label="Pages of articles"
        />
      </section>
    </>
  );
}

function FactRow({ fact, outlets, others }: { fact: StoryFact; outlets: string[]; others: string[] }) {
  // The folded outlets' figures are counted, not listed: the fact page has each of them.
  const folded = others.filter((o) => fact.figures.has(o));
  const figures = folded.reduce((n, o) => n + (fact.figures.get(o)?.length ?? 0) + (fact.more[o] ?? 0), 0);
  return (
    <tr class={fact.groups > 1 ? 'disputed' : ''}>
      <th scope="row">
        <a href={`/facts/${fact.id}`}>How many {pluralize(fact.unit)}?</a>
        <br />
        <span class="muted">
          {fact.openConflicts
            ? count(fact.openConflicts, 'open conflict')
            : fact.groups > 1
              ? 'resolved'
              : 'agree'}
        </span>
      </th>
      {outlets.map((o) => (
        <td data-outlet={o}>
          {(fact.figures.get(o) ?? []).map((g) => (
            <a class={`figure-chip g${g.group % 6}`} href={`/claims/${g.claimId}`}>
              {g.text}
              {g.claims > 1 ? <span class="muted"> ×{g.claims}</span> : null}
            </a>
          ))}
          {fact.more[o] ? (
            <a class="muted" href={`/facts/${fact.id}`}>
              +{fact.more[o]} more
            </a>
          ) : null}
        </td>
      ))}
      {others.length ? (
        <td data-outlet="">
          {folded.length ? (
            <a class="muted" href={`/facts/${fact.id}`}>
              {count(figures, 'figure')} from {count(folded.length, 'outlet')}
            </a>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function AgreementMatrix({ matrix }: { matrix: OutletMatrix }) {
  const { outlets, pairs } = matrix;
  const cells = new Map(pairs.map((p) => [JSON.stringify([p.a, p.b]), p]));
  const cell = (a: string, b: string) => cells.get(JSON.stringify(a <= b ? [a, b] : [b, a]));
  return (
    <>
      <p class="muted table-note">
        Per pair of outlets, how many of their figures agree (=) and disagree (≠), dismissed conflicts left
        out; the darker the cell, the larger the share that disagrees. Each pair has one cell, at or below the
        diagonal; the diagonal is an outlet with itself (a figure it quotes against its own).
        {matrix.folded
          ? ` The ${outlets.length - 1} outlets with the most figures compared have a row each; the other ${matrix.folded} are summed in the last row and column (the JSON has every pair).`
          : ''}
        <span class="narrow-only"> Columns are numbered as the rows.</span>
      </p>
      <div class="table-scroll">
        <table class="heat-map">
          <caption class="visually-hidden">Agreement between each pair of outlets</caption>
          <thead>
            <tr>
              <td />
              {outlets.map((o, i) => (
                <th scope="col">
                  <span class="heat-num" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span class="heat-name">{o}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outlets.map((a, i) => (
              <tr>
                <th scope="row">
                  <span class="heat-num" aria-hidden="true">
                    {i + 1}{' '}
                  </span>
                  {a}
                </th>
                {outlets.map((b, j) => {
                  // A pair has one cell: above the diagonal it would repeat the one below.
                  if (j > i) return <td class="heat-upper" />;
                  const p = cell(a, b);
                  // Counts and signs on screen ("2 =", "1 ≠"); the words for a screen reader.
                  return p ? (
                    <td class={`heat heat-${p.shade}`}>
                      {p.agree}
                      <span class="visually-hidden"> agree</span>
                      <span aria-hidden="true"> =</span>
                      <br />
                      {p.disagree}
                      <span class="visually-hidden"> disagree</span>
                      <span aria-hidden="true"> ≠</span>
                    </td>
                  ) : (
                    <td class="heat none">—</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
