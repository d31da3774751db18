// A quantity as the reviewer sees it: the words as written and the interval they were read as.
import { formatInterval, type IntervalLike } from './format';

export interface QuantityLike extends IntervalLike {
  text: string;
  unit: string;
  rate: string | null;
  hedge: string | null;
}

export function QuantityChip({ q }: { q: QuantityLike }) {
  return (
    <span class="quantity" title={`read as ${formatInterval(q)} ${q.unit}${q.rate ? ` per ${q.rate}` : ''}`}>
      <strong>{q.text}</strong>
      <span class="interval">
        {' '}
        = {formatInterval(q)}
        {q.rate ? ` per ${q.rate}` : ''}
      </span>
    </span>
  );
}

export function QuantityList({ quantities }: { quantities: QuantityLike[] }) {
  if (quantities.length === 0) return null;
  return (
    <ul class="quantities">
      {quantities.map((q) => (
        <li>
          <QuantityChip q={q} />
        </li>
      ))}
    </ul>
  );
}
