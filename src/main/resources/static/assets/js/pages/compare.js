// Compare: pick jobs, overlay their curves, and list how their specs differ.
import { api } from '../api.js';
import { h, clear, badge, pager, short, when, num, pct } from '../ui.js';
import { Chart, SERIES_COLORS } from '../plots.js';

const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function render(main, { params, signal }) {
  const ids = (params.get('ids') || '').split(',').filter(Boolean);
  if (ids.length > 1) return compare(main, ids, signal);
  return picker(main, signal, ids);
}

/** Ticks jobs to compare; `preset` (e.g. the job whose page linked here) starts ticked. */
async function picker(main, signal, preset) {
  const chosen = new Set(preset);
  const box = h('div', {});
  const go = h('button', { type: 'button', id: 'compare-selected', disabled: true,
    onclick: () => { location.hash = `#/compare?ids=${[...chosen].join(',')}`; } }, 'Compare selected');
  main.append(h('h1', {}, 'Compare jobs'),
    h('p', { class: 'muted' }, 'Tick two or more jobs. The new-job page has a one-click momentum experiment that opens here.'),
    h('div', { class: 'panel' }, box, h('div', { class: 'row', style: 'margin-top:.6rem' }, go)));
  const show = async (page) => {
    const view = await api(`/jobs?page=${page}&size=20`, { signal });
    clear(box, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['', 'Job', 'Status', 'Model', 'Optimizer', 'Val. accuracy', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, view.items.map((j) => {
        const box2 = h('input', { type: 'checkbox', id: `pick-${j.id}`, checked: chosen.has(j.id),
          'aria-label': `Compare job ${short(j.id)}` });
        box2.addEventListener('change', () => { if (box2.checked) chosen.add(j.id); else chosen.delete(j.id); go.disabled = chosen.size < 2; });
        return h('tr', {}, h('td', {}, box2), h('td', {}, h('a', { href: `#/jobs/${j.id}` }, short(j.id))), h('td', {}, badge(j.status)),
          h('td', {}, j.spec.model.type), h('td', {}, j.spec.training.optimizer?.type || '–'),
          h('td', { class: 'num' }, pct(j.latest?.valAccuracy)), h('td', {}, when(j.createdAt)));
      })))), pager(view, show));
  };
  await show(0);
}

/** Flattens a spec to path → value so two specs can be compared key by key. */
function flatten(o, prefix = '', out = {}) {
  if (Array.isArray(o)) {
    out[prefix] = o.map((v) => (typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}=${x}`).join(' ') : v)).join(' | ');
  } else if (o && typeof o === 'object') {
    for (const [k, v] of Object.entries(o)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = o;
  }
  return out;
}

async function compare(main, ids, signal) {
  const head = h('div', {});
  const table = h('div', {});
  const charts = h('div', { class: 'charts' });
  main.append(h('h1', {}, `Comparing ${ids.length} jobs`), head, h('section', { class: 'panel', 'aria-labelledby': 'diff-h' },
    h('h2', { id: 'diff-h' }, 'How the specs differ'), table), charts);
  const series = ids.map((id, i) => ({ label: short(id), color: SERIES_COLORS[i % SERIES_COLORS.length] }));
  const dashed = series.map((s) => ({ ...s, dash: [6, 4] }));
  const plots = {
    loss: new Chart(charts, 'Training loss', series),
    valLoss: new Chart(charts, 'Validation loss', dashed),
    accuracy: new Chart(charts, 'Training accuracy', series),
    valAccuracy: new Chart(charts, 'Validation accuracy', dashed),
    learningRate: new Chart(charts, 'Learning rate', series),
  };
  const load = async () => {
    const jobs = await Promise.all(ids.map((id) => api(`/jobs/${id}`, { signal })));
    const metrics = await Promise.all(ids.map((id) => api(`/jobs/${id}/metrics`, { signal })));
    clear(head, h('div', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { id: 'compare-jobs' },
      h('thead', {}, h('tr', {}, ['', 'Job', 'Status', 'Epochs', 'Final loss', 'Val. loss', 'Accuracy', 'Val. accuracy', 'Model'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, jobs.map((j, i) => h('tr', {},
        h('td', {}, h('span', { class: 'swatch', style: `background:${series[i].color}`, 'aria-hidden': 'true' })),
        h('td', {}, h('a', { href: `#/jobs/${j.id}` }, short(j.id))), h('td', {}, badge(j.status)),
        h('td', { class: 'num' }, `${j.epoch}/${j.epochs}`), h('td', { class: 'num' }, num(j.latest?.loss)),
        h('td', { class: 'num' }, num(j.latest?.valLoss)), h('td', { class: 'num' }, pct(j.latest?.accuracy)),
        h('td', { class: 'num' }, pct(j.latest?.valAccuracy)),
        h('td', {}, j.modelId ? h('a', { href: `#/models/${j.modelId}` }, short(j.modelId)) : '–'))))))));
    const flat = jobs.map((j) => flatten(j.spec));
    const keys = [...new Set(flat.flatMap(Object.keys))].filter((k) => k !== 'datasetId' || new Set(flat.map((f) => f[k])).size > 1).sort();
    const differing = keys.filter((k) => new Set(flat.map((f) => JSON.stringify(f[k]))).size > 1);
    clear(table, differing.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'spec-diff' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Setting'), jobs.map((j, i) => h('th', { scope: 'col' },
        h('span', { class: 'swatch', style: `background:${series[i].color}`, 'aria-hidden': 'true' }), short(j.id))))),
      h('tbody', {}, differing.map((k) => h('tr', { class: 'diff' }, h('th', { scope: 'row' }, h('code', {}, k)),
        flat.map((f) => h('td', {}, f[k] === undefined ? '—' : String(f[k])))))))) : h('p', { class: 'muted' }, 'The specs are identical.'),
    h('p', { class: 'muted small' }, `${keys.length - differing.length} other settings are the same for all.`));
    const epochs = Math.max(0, ...metrics.map((m) => m.length));
    const xs = Array.from({ length: epochs }, (_, i) => i + 1);
    for (const [key, chart] of Object.entries(plots)) {
      chart.set(xs, metrics.map((m) => xs.map((e) => m[e - 1]?.[key] ?? null)));
    }
    return jobs.every((j) => TERMINAL.includes(j.status));
  };
  // Jobs still running (e.g. the experiment just submitted) are re-read every second until all have ended.
  while (!(await load()) && !signal.aborted) {
    await new Promise((r) => setTimeout(r, 1000));
  }
}
