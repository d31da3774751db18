// One story: the articles about one event, each fact with every outlet's figures (coloured by the
// group of figures that agree), and how often each pair of outlets agrees or disagrees, as a heat map.
import pluralize from 'pluralize';
import { Permalink } from '../components/permalink';
import type { OutletPair, StoryFact, StoryView } from '../types';

const count = (n: number, word: string) => `${n} ${n === 1 ? word : pluralize(word)}`;

export function StoryPage({ story, permalink }: { story: StoryView; permalink: string }) {
  const disputed = story.facts.filter((f) => f.groups > 1).length;
  return (
    <>
      <h1>
        Story #{story.id}: {story.title}
      </h1>
      <p class="muted">
        {count(story.articles.length, 'article')} · {count(story.outlets.length, 'outlet')} ·{' '}
        {count(story.facts.length, 'fact')}, {disputed} with disagreeing figures ·{' '}
        <a href={`/api/stories/${story.id}`}>JSON</a> · <a href="/stories">all stories</a>
      </p>
      <Permalink url={permalink} />
      <section class="card">
        <h2>Its articles</h2>
        <ol class="story-articles">
          {story.articles.map((a) => (
            <li>
              <strong>{a.outlet}</strong> · <a href={`/articles/${a.id}`}>{a.title}</a>{' '}
              <span class="muted">{a.publishedAt ?? 'no date'}</span>
            </li>
          ))}
        </ol>
      </section>
      <h2>Facts, with every outlet's figures</h2>
      <p class="muted table-note">
        Figures that agree share a colour; a fact with two or more colours is disputed (marked red).
      </p>
      <div class="table-scroll">
        <table class="story-facts">
          <caption class="visually-hidden">
            Each fact of the story, with every outlet's figures for it
          </caption>
          <thead>
            <tr>
              <th scope="col">Fact</th>
              {story.outlets.map((o) => (
                <th scope="col">{o}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {story.facts.map((f) => (
              <FactRow fact={f} outlets={story.outlets} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>Outlet × outlet</h2>
      <AgreementMatrix outlets={story.outlets} pairs={story.pairs} />
    </>
  );
}

function FactRow({ fact, outlets }: { fact: StoryFact; outlets: string[] }) {
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
              <span class="swatch" />
              {g.text}
            </a>
          ))}
        </td>
      ))}
    </tr>
  );
}

function AgreementMatrix({ outlets, pairs }: { outlets: string[]; pairs: OutletPair[] }) {
  const cell = (a: string, b: string) =>
    pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  return (
    <>
      <p class="muted table-note">
        Per pair of outlets, how many of their figures agree and disagree (dismissed conflicts left out); the
        darker the cell, the larger the share that disagrees. The diagonal is an outlet with itself (a figure
        it quotes against its own).
      </p>
      <div class="table-scroll">
        <table class="heat-map">
          <caption class="visually-hidden">Agreement between each pair of outlets</caption>
          <thead>
            <tr>
              <td />
              {outlets.map((o) => (
                <th scope="col">{o}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outlets.map((a) => (
              <tr>
                <th scope="row">{a}</th>
                {outlets.map((b) => {
                  const p = cell(a, b);
                  return p ? (
                    <td class={`heat heat-${p.shade}`}>
                      {p.agree} agree
                      <br />
                      {p.disagree} disagree
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
