// Models: the paged list of trained models.
import { api } from '../api.js';
import { h, clear, pager, short, when, num, pct } from '../ui.js';

export async function render(main, { signal }) {
  const box = h('div', {});
  main.append(h('h1', {}, 'Models'), h('div', { class: 'panel' }, box));
  const show = async (page) => {
    const view = await api(`/models?page=${page}&size=25`, { signal });
    clear(box, view.items.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Model', 'Type', 'Architecture', 'Parameters', 'Accuracy', 'Val. accuracy', 'Job', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, view.items.map((m) => h('tr', {},
        h('td', {}, h('a', { href: `#/models/${m.id}` }, short(m.id))),
        h('td', {}, m.type),
        h('td', { class: 'small' }, m.architecture.join(' → ')),
        h('td', { class: 'num' }, num(m.parameters)),
        h('td', { class: 'num' }, pct(m.metrics.accuracy)),
        h('td', { class: 'num' }, pct(m.metrics.valAccuracy)),
        h('td', {}, m.jobId ? h('a', { href: `#/jobs/${m.jobId}` }, short(m.jobId)) : '–'),
        h('td', {}, when(m.createdAt))))))) : h('p', { class: 'muted' }, 'No models yet: a job that succeeds stores one.'),
    pager(view, show));
  };
  await show(0);
}
