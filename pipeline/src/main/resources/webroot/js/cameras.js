// Camera health: state and since when, last frame time, reconnects, latest frame (refreshed on health events).
import { api } from './api.js';
import { t, fmtTime } from './i18n.js';
import { h, clear, toast } from './dom.js';
import { onLive } from './app.js';

export function render(root) {
  const body = h('tbody');
  root.append(h('section', {}, h('table', { class: 'cameras', id: 'cameras' },
    h('thead', {}, h('tr', {}, ...['camera', 'point', 'cameras.state', 'cameras.since', 'cameras.lastFrame', 'cameras.reconnects',
      'cameras.error', 'lastFrame'].map(k => h('th', {}, t(k))))), body)));
  const load = async () => {
    try {
      const cams = await api.get('/api/cameras');
      clear(body).append(...cams.map(c => h('tr', { id: 'camera-' + c.id, class: 'health-' + c.state },
        h('td', {}, c.name + ' (' + c.id + ')'), h('td', {}, c.pointName), h('td', {}, h('i', { class: 'dot ' + c.state }), ' ', t('health.' + c.state)),
        h('td', {}, fmtTime(c.since)), h('td', {}, fmtTime(c.lastFrameAt)), h('td', {}, c.reconnects ?? 0), h('td', { class: 'err' }, c.lastError || ''),
        h('td', {}, c.state === 'ONLINE' || c.lastFrameAt
          ? h('img', { class: 'thumb', loading: 'lazy', alt: '', src: `/api/cameras/${encodeURIComponent(c.id)}/latest.jpg?t=${Date.now()}` }) : '—'))));
    } catch (e) { toast(e.message, true); }
  };
  load();
  let pending;
  const unlisten = onLive(kind => { if (kind === 'camera') { clearTimeout(pending); pending = setTimeout(load, 500); } });
  return { leave() { unlisten(); clearTimeout(pending); } };
}
