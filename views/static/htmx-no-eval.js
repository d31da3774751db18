// htmx without code evaluation: hx-on, `js:` values and trigger filters compile strings with
// Function/AsyncFunction. The CSP (no 'unsafe-eval') already blocks that; this makes htmx itself
// refuse, with a clear console error, so no injected attribute can run code under any policy.
// Loaded right after htmx; <meta name="htmx-config"> allows only this extension.
(() => {
  function refuse() {
    throw new Error('htmx: code evaluation is disabled in crosscheck (no hx-on, js: values or filters)');
  }
  htmx.registerExtension('no-eval', {
    init: (api) => api.initSecurity(null, refuse, refuse),
  });
})();
