// Queue: every job by status, filtered and paged on the server; links to the API docs and metrics.
import { api } from '../api.js';
import { h, clear, select, field, badge, pager, short, when, num, pct, duration } from '../ui.js';

const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function render(main, { params, signal }) {
  const status = params.get('status') || '';
  const filter = select([['', 'all'], ...STATUSES.map((s) => [s, s.toLowerCase()])], status, { id: 'status-filter' });
  const counts = h('div', { class: 'row', id: 'status-counts' });
  const table = h('div', {});
  filter.addEventListener('change', () => { location.hash = filter.value ? `#/queue?status=${filter.value}` : '#/queue'; });
  main.append(h('div', { class: 'row spread' }, h('h1', {}, 'Queue'),
    h('div', { class: 'row' },
      h('a', { href: '/swagger-ui.html', target: '_blank', rel: 'noopener' }, 'API docs (Swagger UI)'),
      h('a', { href: '/actuator/prometheus', target: '_blank', rel: 'noopener' }, 'Prometheus metrics'))),
    h('div', { class: 'panel' }, h('div', { class: 'row spread' }, field('Status', filter, { inline: false }), counts), table));

  const totals = await Promise.all(STATUSES.map((s) => api(`/jobs?status=${s}&size=1`, { signal }).then((v) => v.total)));
  clear(counts, STATUSES.map((s, i) => h('a', { href: `#/queue?status=${s}`, class: 'small' }, badge(s), ` ${totals[i]}`)));
  const show = async (page) => {
    const view = await api(`/jobs?page=${page}&size=25${status ? `&status=${status}` : ''}`, { signal });
    clear(table, view.items.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'jobs' },
      h('thead', {}, h('tr', {}, ['Job', 'Status', 'Model', 'Progress', 'Loss', 'Val. accuracy', 'ETA', 'Priority', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, view.items.map((j) => h('tr', {},
        h('td', {}, h('a', { href: `#/jobs/${j.id}` }, short(j.id))),
        h('td', {}, badge(j.status)),
        h('td', {}, `${j.spec.model.type}${j.spec.model.layers ? ` ${j.spec.model.layers.filter((l) => l.units).map((l) => l.units).join('-')}` : ''}`),
        h('td', { class: 'num' }, `${j.epoch}/${j.epochs}`),
        h('td', { class: 'num' }, num(j.latest?.loss)),
        h('td', { class: 'num' }, pct(j.latest?.valAccuracy)),
        h('td', {}, j.status === 'RUNNING' ? duration(j.etaSeconds) : '–'),
        h('td', { class: 'num' }, j.priority),
        h('td', {}, when(j.createdAt))))))) : h('p', { class: 'muted' }, 'No jobs here.'),
    pager(view, show));
  };
  await show(Number(params.get('page') || 0));
}
