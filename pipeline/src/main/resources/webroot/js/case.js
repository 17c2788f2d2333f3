// Case page: evidence timeline, state history, overdue and 反弹 indicators, the actions the user's role allows.
import { api } from './api.js';
import { t, fmtTime, fmtDuration } from './i18n.js';
import { h, toast, dialog } from './dom.js';
import { me, onLive } from './app.js';
import { loadRegistry, pointName, badges, figure, transition, unitSelect, deadlineSelect, hoursFromNow } from './shared.js';
import { rectifyDialog } from './unit.js';

export function render(root, [idText]) {
  const id = Number(idText);
  const draw = async () => {
    try {
      const [c, reg] = await Promise.all([api.get('/api/cases/' + id), loadRegistry()]);
      root.replaceChildren(page(c, reg, draw));
    } catch (e) {
      root.replaceChildren(h('p', { class: 'error', id: 'case-error' }, e.message));
    }
  };
  draw();
  const unlisten = onLive((kind, ev) => { if (kind === 'case' && ev.caseId === id) draw(); });
  return { leave: unlisten };
}

function page(c, reg, redraw) {
  const ev = c.evidence || {};
  const when = action => (c.history.find(x => x.action === action) || {}).at;
  const timeline = [
    ['before', ev.reference, null], ['after', ev.frame, c.firstSeen], ['crop', ev.crop, c.lastSeen],
    ['clearance', ev.clearance, c.clearedAt], ['rectification', ev.rectification, when('RECTIFY')],
  ].filter(([, url]) => url);
  const left = c.deadline ? new Date(c.deadline) - Date.now() : null;
  return h('section', { class: 'case', id: 'case-page', dataset: { id: c.id, state: c.state } },
    h('h2', {}, `${t('case')} #${c.id} · ${t('cat.' + c.category)} `, ...badges(c)),
    c.reboundOf ? h('p', { class: 'rebound-link' }, t('reboundOf') + ' ', h('a', { href: '#/case/' + c.reboundOf }, '#' + c.reboundOf)) : null,
    h('dl', { class: 'facts' },
      ...fact('point', pointName(c.point)), ...fact('camera', c.camera), ...fact('unit', c.unit || '—'),
      ...fact('state', t('state.' + c.state)), ...fact('firstSeen', fmtTime(c.firstSeen)), ...fact('lastSeen', fmtTime(c.lastSeen)),
      ...fact('detections', c.detections), ...fact('score', Number(c.bestScore).toFixed(2)),
      ...(c.deadline ? fact('deadline', fmtTime(c.deadline) + (c.state === 'DISPATCHED'
        ? ` (${left < 0 ? t('overdue') + ' ' + fmtDuration(left) : t('remaining') + ' ' + fmtDuration(left)})` : '')) : [])),
    h('div', { class: 'actions', id: 'case-actions' }, ...actions(c, reg, redraw)),
    h('h3', {}, t('evidence')),
    h('ol', { class: 'timeline' }, ...timeline.map(([k, url, at]) =>
      h('li', {}, figure(t(k) + (at ? ' · ' + fmtTime(at) : ''), url, c.id, k === 'after' || k === 'before' ? c.box : null,
        k === 'before' ? 'box ref' : 'box')))),
    h('h3', {}, t('history')),
    h('table', { class: 'history', id: 'case-history' }, h('tbody', {}, ...c.history.map(e => h('tr', {},
      h('td', {}, fmtTime(e.at)), h('td', {}, e.actor), h('td', {}, e.action),
      h('td', {}, (e.from ? t('state.' + e.from) + ' → ' : '') + t('state.' + e.to)), h('td', {}, e.note || ''))))));
}

function fact(key, value) { return [h('dt', {}, t(key)), h('dd', {}, String(value))]; }

function actions(c, reg, redraw) {
  const user = me();
  const act = (label, id, fn) => h('button', { id, onclick: async () => {
    try { if (await fn() !== false) { toast(t('done')); redraw(); } } catch (e) { toast(e.message, true); }
  } }, label);
  const out = [];
  if (user.role !== 'unit') {
    if (c.state === 'PENDING') {
      out.push(act(t('act.confirm'), 'case-confirm', () => transition(user, c.id, 'CONFIRM')));
      out.push(act(t('act.dismiss'), 'case-dismiss', async () => {
        const v = await dialog(t('dismiss.reason'), [h('input', { name: 'note', id: 'field-note' })], t('ok'), t('cancel'));
        return v ? transition(user, c.id, 'DISMISS', { note: v.note }) : false;
      }));
    }
    if (c.state === 'CONFIRMED') {
      out.push(act(t('act.dispatch'), 'case-dispatch', async () => {
        const v = await dialog(t('act.dispatch'), [h('label', {}, t('dispatch.unit'), unitSelect('unit', reg.units, c.unit)),
          h('label', {}, t('dispatch.deadline'), deadlineSelect('hours'))], t('ok'), t('cancel'));
        return v ? transition(user, c.id, 'DISPATCH', { unit: v.unit, deadline: hoursFromNow(v.hours) }) : false;
      }));
    }
    if (c.state === 'RECTIFIED') {
      out.push(act(t('act.close'), 'case-close', () => transition(user, c.id, 'CLOSE')));
      out.push(act(t('act.reject'), 'case-reject', async () => {
        const v = await dialog(t('act.reject'), [h('label', {}, t('note'), h('input', { name: 'note', id: 'field-note', required: true }))],
          t('ok'), t('cancel'));
        return v ? transition(user, c.id, 'REJECT', { note: v.note }) : false;
      }));
    }
  }
  if (c.state === 'DISPATCHED' && (user.role !== 'reviewer')) {
    out.push(act(t('act.rectify'), 'case-rectify', () => rectifyDialog(c)));
  }
  return out;
}
