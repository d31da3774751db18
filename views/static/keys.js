// Keyboard for the queue, conflict and claim pages (no inline code: the CSP allows only our own files).
//   j / k      next / previous item (queue rows; on a conflict: claim A, claim B, the resolution)
//   x          select the row (queue), for the bulk form; a fact's row selects its pairs
//   Enter, o   open the row's fact or conflict
//   v d f u    mark the focused claim verified / disputed / false / unverifiable
//   a b n d    on a conflict (its resolution box, or queue rows — the selected ones, else the focused
//              one, through the bulk form): A holds / B holds / neither / dismiss (not a real conflict)
//   ?          show or hide this list; Esc hides it
// Buttons carry their key in data-key; queue rows use the bulk form's data-bulk buttons. Also: any
// button with data-copy copies that text (permalinks).
(() => {
  const ITEM = '[data-kb-item]';
  const HELP = [
    ['j / k', 'next / previous item'],
    ['x', 'select the focused queue row (for bulk actions)'],
    ['Enter or o', 'open the focused fact or conflict'],
    ['v / d / f / u', 'mark the focused claim verified / disputed / false / unverifiable'],
    ['a / b / n', 'conflict: A holds / B holds / neither holds'],
    ['d', 'conflict (queue row or resolution box): dismiss — not a real conflict'],
    ['Esc', 'leave a text box (then the keys work again)'],
    ['?', 'show or hide this list (Esc hides it)'],
  ];
  const BULK = {
    d: { action: 'dismiss' },
    a: { action: 'resolve', resolution: 'a_holds' },
    b: { action: 'resolve', resolution: 'b_holds' },
    n: { action: 'resolve', resolution: 'neither' },
  };

  // Only what is shown: a fact's pairs folded away in <details> are skipped until it is opened.
  const items = () =>
    Array.from(document.querySelectorAll(ITEM)).filter((el) => el.getClientRects().length > 0);
  const currentItem = () =>
    document.activeElement?.closest?.(ITEM) ?? document.querySelector(`${ITEM}.kb-current`);

  function moveTo(el) {
    if (!el) return;
    for (const other of document.querySelectorAll(`${ITEM}.kb-current`)) other.classList.remove('kb-current');
    el.classList.add('kb-current');
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }

  function step(by) {
    const list = items();
    if (list.length === 0) return;
    const at = list.indexOf(currentItem());
    const next = at < 0 ? (by > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + by));
    moveTo(list[next]);
  }

  let toastTimer;
  function say(text) {
    let toast = document.getElementById('kb-toast');
    if (!toast) {
      toast = document.createElement('p');
      toast.id = 'kb-toast';
      toast.setAttribute('role', 'status');
      document.body.append(toast);
    }
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      toast.hidden = true;
    }, 3000);
  }

  function toggleHelp() {
    let dialog = document.getElementById('kb-help');
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.id = 'kb-help';
      dialog.setAttribute('aria-label', 'Keyboard shortcuts');
      const h = document.createElement('h2');
      h.textContent = 'Keyboard shortcuts';
      const dl = document.createElement('dl');
      for (const [keys, what] of HELP) {
        const dt = document.createElement('dt');
        const kbd = document.createElement('kbd');
        kbd.textContent = keys;
        dt.append(kbd);
        const dd = document.createElement('dd');
        dd.textContent = what;
        dl.append(dt, dd);
      }
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'btn btn-secondary';
      close.textContent = 'Close';
      close.addEventListener('click', () => dialog.close());
      dialog.append(h, dl, close);
      document.body.append(dialog);
    }
    if (dialog.open) dialog.close();
    else dialog.showModal();
  }

  /** Queue rows act through the bulk form, so each item still carries its version. */
  function bulk(row, key) {
    const form = document.getElementById('bulk-form');
    const spec = BULK[key];
    const button = form?.querySelector(`[data-bulk="${spec?.action}"]`);
    if (!form || !spec || !button) return false;
    const boxes = Array.from(form.querySelectorAll('input.row-select'));
    if (!boxes.some((b) => b.checked)) {
      const own = row.querySelector('input.row-select');
      if (!own) return false;
      own.checked = true;
    }
    if (spec.resolution) form.querySelector('select[name="resolution"]').value = spec.resolution;
    button.click();
    return true;
  }

  function mark(key) {
    const item = currentItem() ?? (items().length === 1 ? items()[0] : null);
    if (!item) return say('Move to an item first (j / k).');
    const button = item.querySelector(`button[data-key="${key}"]`);
    if (button) return button.click();
    // A fact's row stands for all its pairs: dismissing them all is one choice, but "A holds" has no
    // A and B across several pairs.
    if (item.matches('.fact-entry') && 'abn'.includes(key))
      return say(
        'A / B / neither apply to one pair: unfold the pairs (Tab to "pairs", Enter) or open the fact (Enter).',
      );
    if (item.matches('[data-kb-item="row"]') && bulk(item, key)) return;
    if (item.matches('[data-kb-item="row"]'))
      return say('Open the conflict (Enter) to mark its claims with v / d / f.');
    say('That key does nothing here; press ? for the list.');
  }

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t instanceof HTMLElement && (t.isContentEditable || t.closest('input, textarea, select'))) {
      // Esc leaves the box (back to the item it is in), so the next letter is a key, not text.
      if (e.key === 'Escape') {
        t.blur();
        const item = t.closest(ITEM);
        if (item) moveTo(item);
        e.preventDefault();
      }
      return;
    }
    const key = e.key;
    if (key === '?') toggleHelp();
    else if (key === 'j') step(1);
    else if (key === 'k') step(-1);
    else if (key === 'x') {
      const box = currentItem()?.querySelector('input.row-select');
      if (box) box.checked = !box.checked;
    } else if (key === 'Enter' || key === 'o') {
      const link = currentItem()?.querySelector('a.row-link');
      if (!link || (key === 'Enter' && t instanceof HTMLElement && t.closest('a, button'))) return;
      link.click();
    } else if ('vdfuabn'.includes(key) && key.length === 1) mark(key);
    else return;
    e.preventDefault();
  });

  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button[data-copy]') : null;
    if (!button) return;
    navigator.clipboard?.writeText(button.getAttribute('data-copy')).then(
      () => say('Link copied.'),
      () => say('Copy failed: select the link and copy it.'),
    );
  });
})();
