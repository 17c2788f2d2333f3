// Tiny DOM builder: text always goes in as text nodes, never as HTML (no injection from case data).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

let toastTimer;
export function toast(msg, isError = false) {
  const el = document.getElementById('toast');
  el.textContent = msg;
  el.className = isError ? 'show error' : 'show';
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.className = ''; }, isError ? 5000 : 1800);
}

/** Positions a box overlay (frame pixel coordinates) over an image as percentages, once the image size is known. */
export function boxOverlay(img, box, cls = 'box') {
  const div = h('div', { class: cls });
  const place = () => {
    if (!img.naturalWidth || !box) return;
    const [x, y, w, bh] = box;
    Object.assign(div.style, { left: (100 * x / img.naturalWidth) + '%', top: (100 * y / img.naturalHeight) + '%',
      width: (100 * w / img.naturalWidth) + '%', height: (100 * bh / img.naturalHeight) + '%', display: 'block' });
  };
  if (img.complete) place(); else img.addEventListener('load', place);
  return div;
}

/** A modal form; resolves with the form's values or null on cancel/Escape. First field gets focus. */
export function dialog(title, fields, okLabel, cancelLabel) {
  return new Promise(resolve => {
    const form = h('form', { class: 'dialog', id: 'dialog' }, h('h3', {}, title), ...fields,
      h('div', { class: 'row' }, h('button', { type: 'submit', id: 'dialog-ok' }, okLabel),
        h('button', { type: 'button', id: 'dialog-cancel', onclick: () => done(null) }, cancelLabel)));
    const back = h('div', { class: 'backdrop' }, form);
    const done = (v) => { back.remove(); resolve(v); };
    form.addEventListener('submit', e => { e.preventDefault(); done(Object.fromEntries(new FormData(form).entries())); });
    form.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); done(null); } e.stopPropagation(); });
    document.body.append(back);
    const first = form.querySelector('input,select,textarea');
    (first || form.querySelector('button')).focus();
  });
}
