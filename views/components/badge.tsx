// Status and severity badges: the pieces htmx swaps in place after a review.
import { label } from './format';

export function StatusBadge({ status, id }: { status: string; id?: string }) {
  return (
    <span class={`badge status-${status}`} id={id}>
      {label(status)}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  return <span class={`badge severity-${severity}`}>{severity}</span>;
}

export function RelationBadge({ relation }: { relation: string }) {
  return <span class={`badge relation-${relation}`}>{label(relation)}</span>;
}
