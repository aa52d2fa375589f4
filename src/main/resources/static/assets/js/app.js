// Entry point: asks for the API key once per tab, then routes #/… to a page module.
import { api, key, setKey, forgetKey } from './api.js';
import { h, clear, field, errorBox } from './ui.js';

const routes = [
  [/^#\/datasets\/?$/, 'datasets', () => import('./pages/datasets.js')],
  [/^#\/datasets\/([\w-]+)$/, 'datasets', () => import('./pages/dataset.js')],
  [/^#\/jobs\/new$/, 'new', () => import('./pages/newjob.js')],
  [/^#\/jobs\/([\w-]+)$/, 'queue', () => import('./pages/job.js')],
  [/^#\/queue$/, 'queue', () => import('./pages/queue.js')],
  [/^#\/compare$/, 'compare', () => import('./pages/compare.js')],
  [/^#\/models\/?$/, 'models', () => import('./pages/models.js')],
  [/^#\/models\/([\w-]+)$/, 'models', () => import('./pages/model.js')],
];

const main = document.getElementById('app');
let leave = null;

function params() {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? location.hash.slice(q + 1) : '');
}

async function route() {
  if (leave) { leave(); leave = null; }
  if (!key()) { keyGate(); return; }
  document.getElementById('sign-out').hidden = false;
  const path = (location.hash || '#/datasets').split('?')[0];
  const match = routes.find(([re]) => re.test(path));
  if (!match) { location.hash = '#/datasets'; return; }
  const [re, nav, load] = match;
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const controller = new AbortController();
  leave = () => controller.abort();
  clear(main);
  try {
    const page = await load();
    await page.render(main, { id: re.exec(path)[1], params: params(), signal: controller.signal });
  } catch (err) {
    if (err.name !== 'AbortError') main.append(errorBox(err));
  }
}

function keyGate() {
  document.getElementById('sign-out').hidden = true;
  const input = h('input', { type: 'password', autocomplete: 'off', required: true, spellcheck: 'false', size: 48 });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', style: 'max-width:36rem' },
    h('h1', {}, 'Widrow console'),
    h('p', {}, 'Enter your API key. It stays in this browser tab only (session storage) and is sent as the ',
      h('code', {}, 'X-API-Key'), ' header with every request.'),
    field('API key', input, { hint: 'An admin prints the first key at start-up (data/admin.key); admins create keys for users.' }),
    h('div', { class: 'row', style: 'margin-top:.8rem' }, h('button', { type: 'submit' }, 'Open console')),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    setKey(input.value.trim());
    try {
      await api('/datasets?size=1');
      route();
    } catch (err) {
      forgetKey();
      clear(status, errorBox(err));
    }
  });
  clear(main, form);
  input.focus();
}

document.getElementById('sign-out').addEventListener('click', () => { forgetKey(); route(); });
window.addEventListener('hashchange', route);
route();
