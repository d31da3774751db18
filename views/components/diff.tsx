// A word diff of two claims: removed words struck, added words underlined, differing numbers marked.
import type { DiffPart } from '../../src/core';

function Part({ part }: { part: DiffPart }) {
  const body = part.number ? <mark>{part.value}</mark> : part.value;
  if (part.removed) return <del>{body}</del>;
  if (part.added) return <ins>{body}</ins>;
  return <span>{body}</span>;
}

export function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="diff">
      {parts.map((p) => (
        <Part part={p} />
      ))}
    </p>
  );
}
