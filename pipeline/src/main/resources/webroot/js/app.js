// Shell: session, navigation by hash, live events, language switch.
import { api, beginSession, endSession } from './api.js';
import { t, toggleLang, translateStatic, currentLang } from './i18n.js';
import { h, clear, toast } from './dom.js';
import * as queue from './queue.js';
import * as casePage from './case.js';
import * as board from './board.js';
import * as unitView from './unit.js';
import * as cameras from './cameras.js';
import * as users from './users.js';

const state = { me: null, events: null, view: null };
const listeners = new Set();

/** Views subscribe to live events; the returned function unsubscribes. */
export function onLive(fn) { listeners.add(fn); return () => listeners.delete(fn); }
export function me() { return state.me; }
export async function refreshToday() {
  try {
    const s = await api.get('/api/session');
    document.getElementById('today').textContent = `${t('today')} ${s.decisionsToday}`;
  } catch { /* shown on next navigation */ }
}

function connectEvents() {
  if (state.events) state.events.close();
  const es = new EventSource('/api/events');
  const live = document.getElementById('live');
  es.onopen = () => { live.className = 'live on'; };
  es.onerror = () => { live.className = 'live'; };
  for (const kind of ['case', 'camera']) {
    es.addEventListener(kind, e => { const data = JSON.parse(e.data); listeners.forEach(fn => fn(kind, data)); });
  }
  state.events = es;
}

/** The login form; kept as it is when already shown, so a second call cannot wipe what is being typed. */
function renderLogin(force = false) {
  document.getElementById('top').hidden = true;
  if (!force && document.getElementById('login-form')) return;
  const view = clear(document.getElementById('view'));
  const err = h('p', { class: 'error', id: 'login-error' });
  const form = h('form', { class: 'login', id: 'login-form' },
    h('h2', {}, t('app.title') + ' · ' + t('login.title')),
    h('label', {}, t('login.name'), h('input', { name: 'name', id: 'login-name', autocomplete: 'username', required: true })),
    h('label', {}, t('login.password'), h('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit', id: 'login-submit' }, t('login.submit')), err,
    h('button', { type: 'button', class: 'link', onclick: () => { toggleLang(); renderLogin(true); } }, currentLang() === 'zh' ? 'English' : '中文'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = new FormData(form);
    try {
      const s = await api.post('/api/login', { name: f.get('name'), password: f.get('password') });
      await start(s);
      if (!location.hash || location.hash === '#/login') location.hash = home();
      else route();
    } catch (ex) { err.textContent = ex.message; }
  });
  view.append(form);
  form.querySelector('input').focus();
}

function home() { return state.me.role === 'unit' ? '#/unit' : '#/queue'; }

async function start(session) {
  state.me = session;
  beginSession(session.csrf);
  const top = document.getElementById('top');
  top.hidden = false;
  document.getElementById('who').textContent = `${session.name} · ${t('role.' + session.role)}${session.unit ? ' · ' + session.unit : ''}`;
  document.getElementById('nav-users').hidden = session.role !== 'admin';
  document.getElementById('nav-queue').hidden = session.role === 'unit';
  document.getElementById('nav-cameras').hidden = session.role === 'unit';
  translateStatic();
  document.getElementById('lang').textContent = currentLang() === 'zh' ? 'English' : '中文';
  document.getElementById('today').textContent = `${t('today')} ${session.decisionsToday ?? 0}`;
  connectEvents();
}

const routes = [
  [/^#\/queue/, queue], [/^#\/case\/(\d+)/, casePage], [/^#\/board/, board], [/^#\/unit/, unitView],
  [/^#\/cameras/, cameras], [/^#\/users/, users],
];

function route() {
  if (!state.me) return renderLogin();
  const hash = location.hash || home();
  leaveView();
  for (const [re, mod] of routes) {
    const m = hash.match(re);
    if (m) {
      document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', hash.startsWith(a.getAttribute('href'))));
      const view = clear(document.getElementById('view'));
      state.view = mod.render(view, m.slice(1), new URLSearchParams(hash.split('?')[1] || '')) || null;
      return;
    }
  }
  location.hash = home();
}

function leaveView() {
  if (state.view && state.view.leave) state.view.leave();
  state.view = null;
}

/** Ends the session in this tab: the open view stops its timers and live listeners before the login form shows. */
function loggedOut() {
  state.me = null;
  endSession();
  if (state.events) state.events.close();
  state.events = null;
  leaveView();
  renderLogin();
}

window.addEventListener('hashchange', route);
window.addEventListener('xuncha:logged-out', () => { if (state.me) loggedOut(); });
document.getElementById('lang').addEventListener('click', () => { toggleLang(); start(state.me).then(route); });
document.getElementById('logout').addEventListener('click', async () => {
  try { await api.post('/api/logout'); } catch (e) { toast(e.message, true); }
  loggedOut();
  location.hash = '#/login';
});

api.get('/api/session').then(start).then(route).catch(() => renderLogin());
