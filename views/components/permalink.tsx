// A stable, absolute URL for a claim or conflict, shown as a link with a copy button (views/static/keys.js).
export function Permalink({ url }: { url: string }) {
  return (
    <p class="permalink">
      <span class="muted">Permalink:</span> <a href={url}>{url}</a>{' '}
      <button
        type="button"
        class="btn btn-secondary btn-small"
        data-copy={url}
        aria-label="Copy the permalink"
      >
        Copy
      </button>
    </p>
  );
}
