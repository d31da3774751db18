// The claim page's "Compared with": the closest claims of other articles and, for each, why it was or
// was not linked — the rule that decided, in words, and every rule that ran.
import { SourceLine } from '../components/source';
import type { ComparedWith } from '../types';

const RELATION_WORDS: Record<string, string> = {
  conflict: 'Linked: the figures conflict.',
  corroboration: 'Linked: the figures agree.',
  different_scope: 'Linked: related figures for different periods.',
  quote_differs: 'Linked: the quotes differ.',
};

export function ComparedWithSection({ compared }: { compared: ComparedWith }) {
  const { entries, sameKind } = compared;
  return (
    <section class="card" aria-labelledby="compared-h" id="compared-with">
      <h2 id="compared-h">Compared with</h2>
      {entries.length === 0 ? (
        <p class="muted">
          {sameKind === 0
            ? 'No other article states a figure of this kind.'
            : `${sameKind} claim${sameKind === 1 ? '' : 's'} of other articles state${sameKind === 1 ? 's' : ''} a figure of this kind, but none shares a name or a word with this one, so none was compared with it.`}
        </p>
      ) : (
        <>
          <p class="muted">
            {compared.compared === entries.length
              ? `Compared with ${entries.length} claim${entries.length === 1 ? '' : 's'} of other articles:`
              : `Compared with ${compared.compared} claims of other articles; the ${entries.length} closest:`}
          </p>
          <ul class="links compared">
            {entries.map(({ other, trail }) => (
              <li class={`link-item ${trail.linked ? `relation-${trail.linked}` : 'not-linked'}`}>
                <p class="verdict">
                  {trail.linked ? (
                    (RELATION_WORDS[trail.linked] ?? `Linked as ${trail.linked}.`)
                  ) : (
                    <>
                      <strong>Not linked:</strong> {trail.reason}
                      {trail.detail ? ` (${trail.detail})` : ''}.{' '}
                      <span class="muted">
                        Rule <code>{trail.decidedBy}</code>
                      </span>
                    </>
                  )}
                </p>
                <blockquote>
                  <a href={`/claims/${other.id}`}>{other.text}</a>
                </blockquote>
                <SourceLine s={other} />
                <details>
                  <summary>Every rule that ran</summary>
                  <ol class="trail">
                    {trail.steps.map((s) => (
                      <li class={`step-${s.outcome}`}>
                        <code>{s.rule}</code> {s.outcome}
                        {s.detail ? ` — ${s.detail}` : ''}
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
