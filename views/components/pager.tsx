// "← Previous · page 2 of 17 (rows 51–100 of 812) · Next →": the pager of a long list inside one page
// (a fact's rows, a story's facts or articles). Plain links, so it works without script.
export function Pager({
  page,
  pages,
  size,
  total,
  noun,
  href,
  label,
}: {
  page: number;
  pages: number;
  size: number;
  total: number;
  /** What the list holds, plural: "rows", "facts", "articles". */
  noun: string;
  href: (page: number) => string;
  /** The navigation landmark's name ("Pages of rows"). */
  label: string;
}) {
  if (pages <= 1) return null;
  const from = (page - 1) * size + 1;
  const to = Math.min(page * size, total);
  return (
    <nav class="pager" aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← Previous
        </a>
      ) : null}
      <span class="muted">
        page {page} of {pages} ({noun} {from}–{to} of {total})
      </span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Next →
        </a>
      ) : null}
    </nav>
  );
}
