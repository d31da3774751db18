// The #flash box (flashError in src/routes/render.tsx) shows a failure htmx could not put in the form:
// too many requests, the database down, a refused request. It empties when the next htmx request
// starts (that answer says how it went) and when clicked.
(() => {
  const clear = () => {
    const flash = document.getElementById('flash');
    if (flash) flash.replaceChildren();
  };
  document.addEventListener('htmx:before:request', clear);
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('#flash')) clear();
  });
})();
