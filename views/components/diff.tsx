// A word diff of two claims, shown as two aligned sentences: each side keeps its own words in order,
// with what only it says highlighted and differing numbers marked — easier to read than one interleaved strip.
import type { DiffPart } from '../types';

function Part({ part, side }: { part: DiffPart; side: 'a' | 'b' }) {
  const body = part.number ? <mark>{part.value}</mark> : part.value;
  if (side === 'a' && part.removed) return <del>{body}</del>;
  if (side === 'b' && part.added) return <ins>{body}</ins>;
  return <span>{body}</span>;
}

export function WordDiff({ parts }: { parts: DiffPart[] }) {
  const a = parts.filter((p) => !p.added);
  const b = parts.filter((p) => !p.removed);
  return (
    <div class="diff side-by-side">
      <p>
        <strong>A </strong>
        {a.map((p) => (
          <Part part={p} side="a" />
        ))}
      </p>
      <p>
        <strong>B </strong>
        {b.map((p) => (
          <Part part={p} side="b" />
        ))}
      </p>
    </div>
  );
}
