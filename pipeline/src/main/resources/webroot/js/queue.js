// Review queue: filters, list, big before/after frames, keyboard decisions with prefetch of the next cases.
import { api, evidenceUrl } from './api.js';
import { t, CATEGORIES, STATES, fmtTime } from './i18n.js';
import { h, clear, toast, dialog } from './dom.js';
import { me, onLive, refreshToday } from './app.js';
import { loadRegistry, pointName, badges, figure, transition, categorySelect, unitSelect, deadlineSelect, hoursFromNow } from './shared.js';

const PREFETCH = 3;

export function render(root, _m, params) {
  const f = { point: params.get('point') || '', unit: params.get('unit') || '', category: params.get('category') || '',
    state: params.has('state') ? params.get('state') : 'PENDING', sort: params.get('sort') || 'newest' };
  const s = { items: [], total: 0, idx: 0, details: new Map(), selected: new Set(), corrected: new Map(), busy: false, reg: null };
  const list = h('ol', { class: 'list', id: 'queue-list' });
  const panel = h('div', { class: 'panel', id: 'queue-panel' });
  const count = h('span', { class: 'muted', id: 'queue-count' });
  const filters = h('div', { class: 'filters' });
  root.append(h('section', { class: 'queue' }, filters, h('div', { class: 'queue-body' }, h('div', { class: 'list-wrap' }, count, list), panel)));

  const sel = (key, label, options) => h('label', {}, label, h('select', { id: 'filter-' + key, onchange: e => {
    f[key] = e.target.value; e.target.blur(); reload(null); } }, ...options.map(([v, l]) => h('option', { value: v, selected: v === f[key] }, l))));

  loadRegistry().then(reg => {
    s.reg = reg;
    filters.append(
      sel('point', t('filter.point'), [['', t('any')], ...[...reg.points.values()].map(p => [p.id, p.name])]),
      sel('unit', t('filter.unit'), [['', t('any')], ...reg.units.map(u => [u, u])]),
      sel('category', t('filter.category'), [['', t('any')], ...CATEGORIES.map(c => [c, t('cat.' + c)])]),
      sel('state', t('filter.state'), [['', t('any')], ...STATES.map(x => [x, t('state.' + x)])]),
      sel('sort', t('filter.sort'), [['newest', t('sort.newest')], ['oldest', t('sort.oldest')]]),
      h('span', { class: 'keys muted' }, t('keys')));
    reload(null);
  }).catch(e => toast(e.message, true));

  function query() {
    const q = new URLSearchParams({ limit: '100', sort: f.sort });
    for (const k of ['point', 'unit', 'category', 'state']) if (f[k]) q.set(k, f[k]);
    return '/api/cases?' + q;
  }

  async function reload(keepId) {
    try {
      const page = await api.get(query());
      s.items = page.items;
      s.total = page.total;
      const at = keepId == null ? -1 : s.items.findIndex(c => c.id === keepId);
      s.idx = at >= 0 ? at : Math.min(s.idx, Math.max(0, s.items.length - 1));
      draw();
    } catch (e) { toast(e.message, true); }
  }

  function current() { return s.items[s.idx]; }

  function detail(id) {
    if (!s.details.has(id)) {
      const p = api.get('/api/cases/' + id);
      p.catch(() => s.details.delete(id));
      s.details.set(id, p);
    }
    return s.details.get(id);
  }

  /** Loads the next cases' details and pictures into the browser cache so the next decision shows instantly. */
  function prefetch() {
    for (let i = s.idx + 1; i <= s.idx + PREFETCH && i < s.items.length; i++) {
      const id = s.items[i].id;
      detail(id).then(d => Object.values(d.evidence || {}).forEach(u => { new Image().src = evidenceUrl(u, id); })).catch(() => {});
    }
  }

  function draw() {
    count.textContent = `${s.items.length} / ${s.total}` + (s.selected.size ? ` · ${t('selected')} ${s.selected.size}` : '');
    clear(list);
    s.items.forEach((c, i) => {
      const li = h('li', { class: 'row' + (i === s.idx ? ' current' : ''), dataset: { id: c.id }, id: 'case-row-' + c.id,
        onclick: () => { s.idx = i; draw(); } },
        h('input', { type: 'checkbox', checked: s.selected.has(c.id), tabindex: -1,
          onclick: e => { e.stopPropagation(); toggle(c.id); } }),
        h('span', { class: 'cid' }, '#' + c.id), h('span', { class: 'cat' }, t('cat.' + c.category)),
        h('span', { class: 'pt' }, pointName(c.point)), h('span', { class: 'time muted' }, fmtTime(c.firstSeen)), ...badges(c));
      list.append(li);
    });
    const cur = list.querySelector('.current');
    if (cur) cur.scrollIntoView({ block: 'nearest' });
    drawPanel();
    prefetch();
  }

  async function drawPanel() {
    const c = current();
    clear(panel);
    if (!c) { panel.append(h('p', { class: 'empty', id: 'queue-empty' }, t('empty'))); return; }
    const d = await detail(c.id).catch(e => { toast(e.message, true); return null; });
    if (!d || current() !== c) return;
    clear(panel);
    const corrected = s.corrected.get(c.id);
    const ev = d.evidence || {};
    const yes = c.state === 'RECTIFIED' ? 'act.close' : 'act.confirm', no = c.state === 'RECTIFIED' ? 'act.reject' : 'act.dismiss';
    panel.append(
      h('div', { class: 'head', id: 'panel-head', dataset: { id: c.id, state: c.state } },
        h('a', { href: '#/case/' + c.id, class: 'cid' }, '#' + c.id),
        h('strong', {}, t('cat.' + c.category)), corrected ? h('span', { class: 'badge corrected', id: 'corrected' }, '→ ' + t('cat.' + corrected)) : null,
        h('span', {}, pointName(c.point) + ' · ' + c.camera), h('span', { class: 'muted' }, fmtTime(c.firstSeen) + ' · ' + c.detections + '×'),
        ...badges(c)),
      h('div', { class: 'pair' }, figure(t('before'), ev.reference, c.id, c.box, 'box ref', 'fig-before'),
        figure(t('after'), ev.frame, c.id, c.box, 'box', 'fig-after')),
      h('div', { class: 'thumbs' }, ev.crop ? figure(t('crop'), ev.crop, c.id) : null,
        ev.clearance ? figure(t('clearance'), ev.clearance, c.id) : null, ev.rectification ? figure(t('rectification'), ev.rectification, c.id) : null),
      h('div', { class: 'actions' },
        h('button', { id: 'btn-yes', onclick: () => yes_() }, t(yes)), h('button', { id: 'btn-no', onclick: () => no_() }, t(no)),
        h('button', { id: 'btn-dispatch', onclick: () => dispatch_() }, t('act.dispatch')),
        h('button', { id: 'btn-category', onclick: () => category_() }, t('act.category')),
        s.selected.size ? h('button', { id: 'btn-batch', onclick: () => batch('CONFIRM') }, `${t('batch.confirm')} (${s.selected.size})`) : null));
  }

  function toggle(id) {
    if (s.selected.has(id)) s.selected.delete(id); else s.selected.add(id);
    draw();
  }

  /** Applies one decision; the case leaves a state-filtered queue and the next one is shown. */
  async function decide(c, action, extra) {
    const body = { ...extra };
    const corrected = s.corrected.get(c.id);
    if (corrected && (action === 'CONFIRM' || action === 'DISMISS')) body.category = corrected;
    await transition(me(), c.id, action, body);
    s.details.delete(c.id);
    s.selected.delete(c.id);
    return body;
  }

  function afterDecision(c, newState) {
    const i = s.items.indexOf(c);
    if (f.state && newState !== f.state && i >= 0) {
      s.items.splice(i, 1);
      s.total--;
      if (s.idx >= s.items.length) s.idx = Math.max(0, s.items.length - 1);
    } else if (i >= 0) {
      s.items[i] = { ...c, state: newState };
    }
    draw();
    refreshToday();
  }

  async function run(fn) {
    if (s.busy) return;
    s.busy = true;
    try { await fn(); } catch (e) { toast(e.message, true); } finally { s.busy = false; }
  }

  const yes_ = () => run(async () => {
    const c = current();
    if (!c) return;
    if (c.state === 'PENDING') { await decide(c, 'CONFIRM'); toast(`#${c.id} ${t('state.CONFIRMED')}`); afterDecision(c, 'CONFIRMED'); }
    else if (c.state === 'RECTIFIED') { await decide(c, 'CLOSE'); toast(`#${c.id} ${t('state.CLOSED')}`); afterDecision(c, 'CLOSED'); }
  });

  const no_ = () => run(async () => {
    const c = current();
    if (!c || (c.state !== 'PENDING' && c.state !== 'RECTIFIED')) return;
    if (c.state === 'PENDING') {
      const v = await dialog(t('dismiss.reason'), [h('select', { name: 'note', id: 'field-note' },
        ...['reason.shadow', 'reason.normal', 'reason.person', 'reason.other'].map(k => h('option', { value: t(k) }, t(k))))], t('ok'), t('cancel'));
      if (!v) return;
      await decide(c, 'DISMISS', { note: v.note });
      toast(`#${c.id} ${t('state.DISMISSED')}`);
      afterDecision(c, 'DISMISSED');
    } else {
      const v = await dialog(t('act.reject'), [h('label', {}, t('note'), h('input', { name: 'note', id: 'field-note', required: true }))], t('ok'), t('cancel'));
      if (!v) return;
      await decide(c, 'REJECT', { note: v.note });
      afterDecision(c, 'DISPATCHED');
    }
  });

  const dispatch_ = () => run(async () => {
    const c = current();
    if (!c || (c.state !== 'PENDING' && c.state !== 'CONFIRMED')) return;
    const v = await dialog(t('act.dispatch'), [
      h('label', {}, t('dispatch.unit'), unitSelect('unit', s.reg.units, c.unit)),
      h('label', {}, t('dispatch.deadline'), deadlineSelect('hours')),
      h('label', {}, t('note'), h('input', { name: 'note', id: 'field-note' }))], t('ok'), t('cancel'));
    if (!v) return;
    if (c.state === 'PENDING') await decide(c, 'CONFIRM');
    await decide(c, 'DISPATCH', { unit: v.unit, deadline: hoursFromNow(v.hours), note: v.note || undefined });
    toast(`#${c.id} ${t('state.DISPATCHED')} → ${v.unit}`);
    afterDecision(c, 'DISPATCHED');
  });

  const category_ = () => run(async () => {
    const c = current();
    if (!c || c.state !== 'PENDING') return;
    const sel = categorySelect('category', s.corrected.get(c.id) || c.category);
    sel.addEventListener('keydown', e => {
      const n = Number(e.key);
      if (n >= 1 && n <= CATEGORIES.length) { e.preventDefault(); sel.value = CATEGORIES[n - 1]; sel.form.requestSubmit(); }
    });
    const v = await dialog(t('act.category'), [sel], t('ok'), t('cancel'));
    if (!v) return;
    if (v.category === c.category) s.corrected.delete(c.id); else s.corrected.set(c.id, v.category);
    drawPanel();
  });

  async function batch(action) {
    const ids = [...s.selected];
    await run(async () => {
      for (const id of ids) {
        const c = s.items.find(x => x.id === id);
        if (!c || c.state !== 'PENDING') continue;
        await decide(c, action);
        afterDecision(c, action === 'CONFIRM' ? 'CONFIRMED' : 'DISMISSED');
      }
      toast(`${t('done')} ${ids.length}`);
    });
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || document.getElementById('dialog')) return;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName)) return;
    const k = e.key.toLowerCase();
    const c = current();
    if (k === 'j') { s.idx = Math.min(s.items.length - 1, s.idx + 1); draw(); }
    else if (k === 'k') { s.idx = Math.max(0, s.idx - 1); draw(); }
    else if (k === 'y' && e.shiftKey) batch('CONFIRM');
    else if (k === 'y') yes_();
    else if (k === 'n' && e.shiftKey) batch('DISMISS');
    else if (k === 'n') no_();
    else if (k === 'd') dispatch_();
    else if (k === 'c') category_();
    else if (k === 'x' && c) toggle(c.id);
    else if (k === 'enter' && c) location.hash = '#/case/' + c.id;
    else return;
    e.preventDefault();
  }
  document.addEventListener('keydown', onKey);

  let pending = null;
  const unlisten = onLive((kind, ev) => {
    if (kind !== 'case') return;
    clearTimeout(pending);
    pending = setTimeout(() => { if (!s.busy) reload(current() ? current().id : null); }, 300);
  });

  return { leave() { document.removeEventListener('keydown', onKey); unlisten(); clearTimeout(pending); } };
}
