// The article body with its claims highlighted, built from offsets as JSX text nodes (never raw HTML).
import type { Child } from 'hono/jsx';

export interface HighlightClaim {
  id: number;
  start: number;
  end: number;
  status: string;
  quantities: { start: number; end: number }[];
}

/** Marks the quantities inside one claim's span; quantities outside it are ignored. */
function claimBody(body: string, c: HighlightClaim): Child[] {
  const out: Child[] = [];
  let at = c.start;
  const qs = [...c.quantities].sort((x, y) => x.start - y.start);
  for (const q of qs) {
    if (q.start < at || q.end > c.end || q.end <= q.start) continue;
    if (q.start > at) out.push(body.slice(at, q.start));
    out.push(<mark class="q">{body.slice(q.start, q.end)}</mark>);
    at = q.end;
  }
  if (at < c.end) out.push(body.slice(at, c.end));
  return out;
}

export function ArticleText({
  body,
  claims,
  linkState,
  compared,
  selected,
}: {
  body: string;
  claims: HighlightClaim[];
  /** What each claim is linked by: 'conflict' wins over 'corroboration'. */
  linkState: Map<number, 'conflict' | 'corroboration'>;
  /** The claims compared with a claim of another article (the others are marked as compared with nothing). */
  compared?: Set<number>;
  selected?: number;
}) {
  const nodes: Child[] = [];
  let at = 0;
  // Claims may overlap (a clause inside its sentence): each character is shown once, by the first claim.
  for (const c of [...claims].sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (c.start < at || c.end > body.length || c.end <= c.start) continue;
    if (c.start > at) nodes.push(body.slice(at, c.start));
    const state = linkState.get(c.id);
    const alone = compared !== undefined && !compared.has(c.id);
    nodes.push(
      <a
        href={`/claims/${c.id}`}
        id={`claim-${c.id}`}
        class={`claim status-${c.status}${state ? ` linked-${state}` : ''}${alone ? ' not-compared' : ''}${selected === c.id ? ' selected' : ''}`}
        title={
          compared === undefined
            ? undefined
            : alone
              ? 'Compared with nothing: no claim of another article shares a name or a word with it'
              : 'Compared with claims of other articles'
        }
        hx-get={`/claims/${c.id}`}
        hx-target="#claim-panel"
        hx-swap="innerHTML"
      >
        {claimBody(body, c)}
      </a>,
    );
    at = c.end;
  }
  if (at < body.length) nodes.push(body.slice(at));
  return <div class="article-text">{nodes}</div>;
}
