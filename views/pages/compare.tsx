// The compare page: paste 2–20 texts and see their facts on number lines, and where they disagree —
// nothing is stored. A plain form (no script): more boxes are a link that reloads with ?boxes=N.
import pluralize from 'pluralize';
import { SeverityBadge } from '../components/badge';
import { FactTableHead } from '../components/fact-table-head';
import { sourceLabel } from '../components/format';
import { NumberLine } from '../components/number-line';
import type { CompareFact, CompareView } from '../types';

export interface CompareFormValues {
  sources: string[];
  texts: string[];
}

const count = (n: number, word: string) => `${n} ${n === 1 ? word : pluralize(word)}`;
/** A sentence in quotation marks, unless it is a quotation already. */
const quoted = (text: string) => (/^["“'‘]/.test(text) ? text : `“${text}”`);

export function ComparePage(props: {
  boxes: number;
  max: number;
  values?: CompareFormValues;
  message?: string;
  result?: CompareView;
}) {
  const { boxes, max, values, message, result } = props;
  return (
    <>
      <h1>Compare texts</h1>
      <p class="muted">
        Paste two to {max} reports about one event: their figures are extracted and cross-checked among
        themselves, and <strong>nothing is stored</strong>. The same runs as <code>POST /api/compare</code>.
      </p>
      {result ? <CompareResult result={result} /> : null}
      <form class="card form compare-form" method="post" action="/compare">
        {message ? (
          <p class="error" role="alert">
            {message}
          </p>
        ) : null}
        {Array.from({ length: boxes }, (_, i) => (
          <fieldset class="compare-doc">
            <legend>Text {i + 1}</legend>
            <label>
              Source <span class="muted">(outlet or name; optional)</span>
              <input name={`source_${i + 1}`} maxlength={200} value={values?.sources[i] ?? ''} />
            </label>
            <label>
              Text or HTML
              <textarea name={`text_${i + 1}`} rows={6}>
                {values?.texts[i] ?? ''}
              </textarea>
            </label>
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            Compare
          </button>
          {boxes < max ? <a href={`/compare?boxes=${Math.min(max, boxes + 2)}`}>More boxes</a> : null}
        </div>
      </form>
    </>
  );
}

function CompareResult({ result }: { result: CompareView }) {
  const disputed = result.facts.filter((f) => f.groups > 1).length;
  return (
    <section class="compare-result" aria-label="Result">
      <p class="compare-summary">
        {count(result.documents.length, 'text')}, {count(result.claims, 'claim')} ·{' '}
        {count(result.facts.length, 'fact')}, {disputed} disputed · {count(result.pairs.length, 'difference')}{' '}
        · {count(result.corroborations, 'agreement')}
      </p>
      {result.facts.length === 0 ? (
        <p>No figure in one text is linked to a figure in another: no shared fact to compare.</p>
      ) : (
        result.facts.map((f, i) => <FactBlock fact={f} n={i + 1} />)
      )}
      {result.pairs.length ? (
        <section class="card">
          <h2>Where they differ</h2>
          <ul class="compare-pairs">
            {result.pairs.map((p) => (
              <li>
                <SeverityBadge severity={p.severity} /> <strong>{p.a.source}</strong>: {quoted(p.a.text)}{' '}
                <span class="vs">vs</span> <strong>{p.b.source}</strong>: {quoted(p.b.text)}
                <br />
                <span class="muted">{p.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function FactBlock({ fact, n }: { fact: CompareFact; n: number }) {
  return (
    <section class="card compare-fact">
      <h2>
        {n}. How many {pluralize(fact.unit)}?{' '}
        <span class="muted">{fact.groups > 1 ? `${fact.groups} disagreeing figures` : 'they agree'}</span>
      </h2>
      <NumberLine rows={fact.rows} unit={fact.unit} idPrefix={`nl-${n}`} />
      <table class="fact-table">
        <caption class="visually-hidden">Each text's figure for this fact</caption>
        <FactTableHead />
        <tbody>
          {fact.rows.map((r, i) => (
            <tr class={`fact-row g${r.group % 6}`}>
              <td>
                <span class="swatch" /> {i + 1}
              </td>
              <td>
                <strong>{sourceLabel(r)}</strong>
              </td>
              <td>{r.figure.text}</td>
              <td>{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
