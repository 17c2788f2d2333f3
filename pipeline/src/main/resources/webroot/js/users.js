// Admin: list accounts and add one (the CLI `xuncha user add` does the same).
import { api } from './api.js';
import { t } from './i18n.js';
import { h, clear, toast } from './dom.js';

export function render(root) {
  const body = h('tbody');
  const form = h('form', { class: 'inline', id: 'user-form' },
    h('input', { name: 'name', placeholder: t('login.name'), required: true }),
    h('select', { name: 'role' }, ...['reviewer', 'unit', 'admin'].map(r => h('option', { value: r }, t('role.' + r)))),
    h('input', { name: 'unit', placeholder: t('unit') }),
    h('input', { name: 'password', type: 'password', placeholder: t('login.password'), minlength: 8, required: true }),
    h('button', { type: 'submit' }, t('users.add')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form).entries());
    if (!f.unit) delete f.unit;
    try { await api.post('/api/users', f); form.reset(); toast(t('saved')); load(); } catch (ex) { toast(ex.message, true); }
  });
  root.append(h('section', {}, form, h('table', { id: 'users' }, body)));
  const load = async () => {
    try {
      const users = await api.get('/api/users');
      clear(body).append(...users.map(u => h('tr', {}, h('td', {}, u.name), h('td', {}, t('role.' + u.role)), h('td', {}, u.unit || ''))));
    } catch (e) { toast(e.message, true); }
  };
  load();
}
