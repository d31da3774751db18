// JSON for a <script> element (the claim page's ClaimReview JSON-LD), safe to put inside HTML.

/** JSON inside <script type="application/ld+json">: no "<" (so no "</script>"), no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
