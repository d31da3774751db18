// The keyboard script (views/static/keys.js) for the pages with items to move through: a same-origin
// file, which the CSP's script-src 'self' allows (no inline code, no nonce needed).
export function KeysScript() {
  return <script src="/static/keys.js" defer />;
}
