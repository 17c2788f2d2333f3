// Data and widgets shared by several views: registry (units/points from the board), badges, evidence figures, actions.
import { api, evidenceUrl } from './api.js';
import { t, CATEGORIES } from './i18n.js';
import { h, boxOverlay } from './dom.js';

let registry = null;

/** Units and points the user may see, from GET /api/board (cached for the page's life). */
export async function loadRegistry() {
  if (!registry) {
    const b = await api.get('/api/board');
    const points = new Map();
    b.units.forEach(u => u.points.forEach(p => points.set(p.id, p)));
    registry = { units: b.units.map(u => u.unit).filter(u => u), points };
  }
  return registry;
}

export function pointName(id) {
  const p = registry && registry.points.get(id);
  return p ? p.name : id;
}

export function badges(c) {
  return [
    h('span', { class: 'badge state-' + c.state }, t('state.' + c.state)),
    c.overdue ? h('span', { class: 'badge overdue' }, t('overdue')) : null,
    c.rebound ? h('span', { class: 'badge rebound' }, t('rebound')) : null,
  ];
}

/** An evidence picture with the case's box drawn over it; a placeholder when the picture is missing. */
export function figure(label, url, caseId, box, boxClass = 'box', id) {
  if (!url) return h('figure', { class: 'missing', id }, h('div', { class: 'noimg' }, '—'), h('figcaption', {}, label));
  const img = h('img', { src: evidenceUrl(url, caseId), alt: label, loading: 'eager' });
  return h('figure', { id }, h('div', { class: 'stage' }, img, box ? boxOverlay(img, box, boxClass) : null), h('figcaption', {}, label));
}

/** POSTs one transition as the logged-in user. */
export function transition(me, id, action, extra = {}) {
  return api.post(`/api/cases/${id}/transitions`, { action, actor: me.name, ...extra });
}

export function categorySelect(name, value) {
  return h('select', { name, id: 'field-' + name },
    ...CATEGORIES.map((c, i) => h('option', { value: c, selected: c === value }, `${i + 1} ${t('cat.' + c)}`)));
}

export function unitSelect(name, units, value) {
  return h('select', { name, id: 'field-' + name }, ...units.map(u => h('option', { value: u, selected: u === value }, u)));
}

/** Deadline choices as hours from now, converted to an ISO instant on submit. */
export function deadlineSelect(name) {
  return h('select', { name, id: 'field-' + name },
    ...[2, 4, 8, 24, 48, 72].map(n => h('option', { value: n, selected: n === 24 }, `${n} ${t('hours')}`)));
}

export function hoursFromNow(n) { return new Date(Date.now() + Number(n) * 3600_000).toISOString(); }
