// Unit view: the unit's dispatched cases with a live deadline countdown; mark rectified with a note and a photo.
import { api, evidenceUrl } from './api.js';
import { t, fmtTime, fmtDuration } from './i18n.js';
import { h, clear, toast, dialog } from './dom.js';
import { me, onLive } from './app.js';
import { loadRegistry, pointName, badges, transition } from './shared.js';

const MAX_SIDE = 1600;

export function render(root) {
  const assigned = h('div', { class: 'cards', id: 'unit-assigned' });
  const awaiting = h('div', { class: 'cards', id: 'unit-awaiting' });
  root.append(h('section', { class: 'unit' }, h('h2', {}, t('assigned')), assigned, h('h2', {}, t('awaiting')), awaiting));
  const load = async () => {
    try {
      await loadRegistry();
      const [d, r] = await Promise.all([api.get('/api/cases?state=DISPATCHED&sort=oldest&limit=200'),
        api.get('/api/cases?state=RECTIFIED&limit=200')]);
      clear(assigned).append(...(d.items.length ? d.items.map(c => card(c, load)) : [h('p', { class: 'muted' }, t('empty'))]));
      clear(awaiting).append(...(r.items.length ? r.items.map(c => card(c, load)) : [h('p', { class: 'muted' }, t('empty'))]));
      tick();
    } catch (e) {
      // a failed load (node restarting, network blip) must not leave the unit looking at an empty list: retry
      toast(e.message, true);
      if (!left) retry = setTimeout(load, 3000);
    }
  };
  let left = false, retry = null;
  const tick = () => root.querySelectorAll('[data-deadline]').forEach(el => {
    const left = new Date(el.dataset.deadline) - Date.now();
    el.textContent = left < 0 ? `${t('overdue')} ${fmtDuration(left)}` : `${t('remaining')} ${fmtDuration(left)}`;
    el.classList.toggle('overdue', left < 0);
  });
  load();
  const timer = setInterval(tick, 1000);
  const unlisten = onLive(kind => { if (kind === 'case') load(); });
  return { leave() { left = true; clearTimeout(retry); clearInterval(timer); unlisten(); } };
}

function card(c, reload) {
  const thumb = h('img', { alt: '', class: 'thumb' });
  api.get('/api/cases/' + c.id).then(d => { const u = d.evidence.frame || d.evidence.crop; if (u) thumb.src = evidenceUrl(u, c.id); }).catch(() => {});
  return h('article', { class: 'card', id: 'unit-case-' + c.id, dataset: { id: c.id } }, thumb,
    h('div', {}, h('a', { href: '#/case/' + c.id }, '#' + c.id), ' ', h('strong', {}, t('cat.' + c.category)), ' ', ...badges(c),
      h('div', {}, pointName(c.point) + ' · ' + c.unit), h('div', { class: 'muted' }, fmtTime(c.firstSeen)),
      c.state === 'DISPATCHED' ? h('div', { class: 'countdown', dataset: { deadline: c.deadline } }) : null,
      c.state === 'DISPATCHED' ? h('button', { id: 'rectify-' + c.id, onclick: async () => {
        try { if (await rectifyDialog(c) !== false) { toast(t('done')); reload(); } } catch (e) { toast(e.message, true); }
      } }, t('act.rectify')) : null));
}

/** Asks for the note and optional photo, re-encodes the photo as JPEG (bounded size) and reports the rectification. */
export async function rectifyDialog(c) {
  const v = await dialog(`${t('act.rectify')} #${c.id}`, [
    h('label', {}, t('note'), h('textarea', { name: 'note', id: 'field-note', required: true, maxlength: 2000 })),
    h('label', {}, t('photo'), h('input', { name: 'photo', id: 'field-photo', type: 'file', accept: 'image/*' }))], t('ok'), t('cancel'));
  if (!v) return false;
  const body = { note: v.note };
  if (v.photo && v.photo.size) body.photo = await toJpegBase64(v.photo);
  return transition(me(), c.id, 'RECTIFY', body);
}

async function toJpegBase64(file) {
  const bmp = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bmp.width * scale);
  canvas.height = Math.round(bmp.height * scale);
  canvas.getContext('2d').drawImage(bmp, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise(res => canvas.toBlob(res, 'image/jpeg', 0.85));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
