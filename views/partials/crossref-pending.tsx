// An article stored but not yet compared with the archive (on Workers that runs in a Queue consumer a
// moment later): says so instead of showing "0 conflicts", and asks every 2 s whether it is done;
// the answer then reloads the page (HX-Refresh), which shows the links.
export function CrossrefPending({ articleId, claims }: { articleId: number; claims: number }) {
  return (
    <p
      class="notice pending"
      role="status"
      hx-get={`/articles/${articleId}/crossref`}
      hx-trigger="every 2s"
      hx-swap="outerHTML"
    >
      Stored: {claims} claims extracted. Comparing them with everything stored… conflicts appear on this page
      in a moment (reload it if they do not).
    </p>
  );
}
