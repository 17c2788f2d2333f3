// 挂图作战: all points grouped by unit, coloured by worst open case and camera health; click for cameras and cases.
import { api } from './api.js';
import { t, fmtTime } from './i18n.js';
import { h, clear, toast } from './dom.js';
import { me, onLive } from './app.js';

export function render(root) {
  const grid = h('div', { id: 'board' });
  const detail = h('aside', { class: 'point-detail', id: 'point-detail' });
  root.append(h('section', { class: 'board' }, grid, detail));
  let open = null;
  const load = async () => {
    try {
      const b = await api.get('/api/board');
      clear(grid);
      for (const u of b.units) {
        grid.append(h('h3', {}, u.unit || '—'), h('div', { class: 'tiles' }, ...u.points.map(p =>
          h('button', { class: `tile worst-${p.worst} cams-${p.cameraHealth}`, id: 'point-' + p.id, title: t('worst.' + p.worst),
            onclick: () => { open = p.id; showPoint(p); } },
            h('strong', {}, p.name), h('span', {}, `${t('board.open')} ${p.open}`),
            p.overdue ? h('span', { class: 'badge overdue' }, `${t('overdue')} ${p.overdue}`) : null,
            p.rebound ? h('span', { class: 'badge rebound' }, `${t('rebound')} ${p.rebound}`) : null,
            h('span', { class: 'cams' }, ...p.cameras.map(c => h('i', { class: 'dot ' + c.state, title: c.name + ' ' + t('health.' + c.state) })))))));
        if (open) { const p = u.points.find(x => x.id === open); if (p) showPoint(p); }
      }
    } catch (e) { toast(e.message, true); }
  };
  const showPoint = p => {
    const staff = me().role !== 'unit';
    clear(detail).append(h('h3', {}, p.name), h('p', {}, `${p.unit || ''} · ${t('worst.' + p.worst)}`),
      h('p', {}, h('a', { href: `#/${staff ? 'queue' : 'unit'}?point=${encodeURIComponent(p.id)}&state=`, id: 'point-cases' }, t('all.cases'))),
      ...p.cameras.map(c => h('figure', {},
        staff ? h('img', { src: `/api/cameras/${encodeURIComponent(c.id)}/latest.jpg?t=${Date.now()}`, alt: c.name }) : null,
        h('figcaption', {}, `${c.name} · ${t('health.' + c.state)}${c.since ? ' · ' + fmtTime(c.since) : ''}`))));
  };
  load();
  let pending;
  const unlisten = onLive(() => { clearTimeout(pending); pending = setTimeout(load, 500); });
  return { leave() { unlisten(); clearTimeout(pending); } };
}
