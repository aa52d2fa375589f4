// Small DOM helpers shared by the pages: no framework, just elements.
let ids = 0;
export const uid = (p = 'f') => `${p}-${++ids}`;

/** h('div', {class: 'x', onclick: fn}, child, 'text', [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled control: the label points at the input so screen readers and clicks find it. */
export function field(label, input, { inline = false, hint } = {}) {
  if (!input.id) input.id = uid();
  const parts = [h('label', { for: input.id }, label), input];
  if (hint) {
    const hid = uid('hint');
    input.setAttribute('aria-describedby', hid);
    parts.push(h('span', { id: hid, class: 'muted small' }, hint));
  }
  return h('div', { class: inline ? 'field inline' : 'field' }, inline ? parts.slice().reverse() : parts);
}

export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map((o) => {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: String(v) === String(value) }, text);
  }));
}

export function num(v, digits = 4) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en');
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2);
  return v.toLocaleString('en', { maximumFractionDigits: digits });
}

export const pct = (v) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);

export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  if (seconds < 1) return '< 1 s';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '–');
export const short = (id) => (id ? String(id).slice(0, 8) : '–');
export const badge = (status) => h('span', { class: `badge ${status}` }, status);

/** Shows an API error (with its field list) in place. */
export function errorBox(err) {
  const list = err?.errors?.length
    ? h('ul', {}, err.errors.map((e) => h('li', {}, h('code', {}, e.field), ': ', e.message)))
    : null;
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, err?.title || 'Error'), ' — ', err?.message || String(err), list);
}

export function toast(message) {
  const box = document.getElementById('toast');
  const m = h('div', { class: 'msg' }, message);
  box.append(m);
  setTimeout(() => m.remove(), 4000);
}

/** Previous/next for a server-side page view {items, page, size, total}. */
export function pager(view, go) {
  const pages = Math.max(1, Math.ceil(view.total / view.size));
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', class: 'secondary', disabled: view.page <= 0, onclick: () => go(view.page - 1) }, '← Previous'),
    h('span', { class: 'muted' }, `Page ${view.page + 1} of ${pages} · ${view.total} in all`),
    h('button', { type: 'button', class: 'secondary', disabled: view.page + 1 >= pages, onclick: () => go(view.page + 1) }, 'Next →'));
}

/** Palette for classes: the CSS variables --c0..--c9, readable on white. */
const PALETTE = ['#d9622b', '#2a6fb0', '#2e8b57', '#8e44ad', '#b8860b', '#c0392b', '#16a085', '#7f8c8d', '#d35400', '#34495e'];
export const classColor = (i) => PALETTE[i % PALETTE.length];
export function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function legend(classes) {
  return h('div', { class: 'legend-swatches' }, classes.map((c, i) =>
    h('span', {}, h('span', { class: 'swatch', style: `background:${classColor(i)}` }), c)));
}
