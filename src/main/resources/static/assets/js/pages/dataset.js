// One dataset: summary, preview rows, per-feature stats, class histogram, and a picture of the data —
// a scatter plot for 2 features, an image grid for square images (IDX).
import { api } from '../api.js';
import { h, num, when, legend, classColor, errorBox, toast } from '../ui.js';
import { scatter, imageGrid } from '../draw.js';

/** Plane bounds around a dataset's two features, padded so edge points are not cut. */
export function planeBounds(stats) {
  const pad = (s) => { const p = (s.max - s.min) * 0.08 || 0.5; return [s.min - p, s.max + p]; };
  const [xMin, xMax] = pad(stats[0]);
  const [yMin, yMax] = pad(stats[1]);
  return { xMin, xMax, yMin, yMax };
}

export async function render(main, { id }) {
  const d = await api(`/datasets/${id}?preview=20`);
  const side = Math.round(Math.sqrt(d.features));
  const image = d.features >= 64 && side * side === d.features;
  main.append(
    h('div', { class: 'row spread' },
      h('h1', {}, d.name),
      h('div', { class: 'row' },
        h('a', { class: 'button', href: `#/jobs/new?dataset=${d.id}`, id: 'train-this' }, 'Train a model on it'),
        h('button', { type: 'button', class: 'danger', onclick: () => remove(d) }, 'Delete'))),
    h('p', { class: 'muted' }, `${d.format} · ${d.task} · ${num(d.rows)} rows · ${d.features} features · label column `,
      h('code', {}, d.labelColumn || '–'), ` · created ${when(d.createdAt)}`));

  const pictures = h('div', { class: 'grid two' });
  main.append(pictures);
  if (d.classes.length) pictures.append(histogram(d));
  if (d.features === 2) pictures.append(await scatterPanel(d));
  if (image) pictures.append(await imagePanel(d, side));
  main.append(statsPanel(d), previewPanel(d));
}

async function remove(d) {
  if (!confirm(`Delete dataset ${d.name}?`)) return;
  try {
    await api(`/datasets/${d.id}`, { method: 'DELETE' });
    toast(`Deleted ${d.name}`);
    location.hash = '#/datasets';
  } catch (err) {
    document.getElementById('app').prepend(errorBox(err));
  }
}

function histogram(d) {
  const counts = d.classes.map((c) => d.classCounts[c]);
  const max = Math.max(...counts, 1);
  return h('section', { class: 'panel', 'aria-labelledby': 'hist-h' }, h('h2', { id: 'hist-h' }, 'Classes'),
    h('div', { class: 'bars', id: 'class-histogram' }, d.classes.map((c, i) => h('div', { class: 'bar' },
      h('span', {}, c),
      h('span', { 'aria-hidden': 'true' }, h('span', { class: 'fill', style: `display:block;width:${(100 * counts[i]) / max}%;background:${classColor(i)}` })),
      h('span', { class: 'num' }, num(counts[i]))))));
}

async function scatterPanel(d) {
  const sample = await api(`/datasets/${d.id}/sample?size=1000`);
  const canvas = h('canvas', { class: 'picture', id: 'scatter', role: 'img',
    'aria-label': `Scatter plot of ${sample.x.length} of ${d.rows} rows, ${d.featureNames[0]} against ${d.featureNames[1]}` });
  scatter(canvas, sample, planeBounds(d.stats), d.featureNames);
  return h('section', { class: 'panel', 'aria-labelledby': 'sc-h' }, h('h2', { id: 'sc-h' }, 'Scatter'),
    canvas, d.classes.length ? legend(d.classes) : null,
    h('p', { class: 'muted small' }, `${sample.x.length} rows spread over the whole set.`));
}

async function imagePanel(d, side) {
  const sample = await api(`/datasets/${d.id}/sample?size=40`);
  const canvas = h('canvas', { class: 'picture', id: 'image-grid', role: 'img',
    'aria-label': `${sample.x.length} of the ${d.rows} images, ${side} by ${side} pixels, with their classes` });
  imageGrid(canvas, sample, side, d.classes);
  return h('section', { class: 'panel', 'aria-labelledby': 'img-h' }, h('h2', { id: 'img-h' }, 'Images'), canvas);
}

function statsPanel(d) {
  const rows = d.stats.slice(0, 200);
  return h('section', { class: 'panel', 'aria-labelledby': 'st-h' }, h('h2', { id: 'st-h' }, 'Feature statistics'),
    h('div', { class: 'table-wrap', style: 'max-height:22rem;overflow:auto' }, h('table', { id: 'stats' },
      h('thead', {}, h('tr', {}, ['Feature', 'Mean', 'Std', 'Min', 'Max'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, t)))),
      h('tbody', {}, rows.map((s) => h('tr', {}, h('td', {}, s.name),
        [s.mean, s.std, s.min, s.max].map((v) => h('td', { class: 'num' }, num(v)))))))),
    d.stats.length > rows.length ? h('p', { class: 'muted small' }, `First ${rows.length} of ${d.stats.length} features.`) : null);
}

function previewPanel(d) {
  const cols = Math.min(d.features, 12);
  return h('section', { class: 'panel', 'aria-labelledby': 'pv-h' }, h('h2', { id: 'pv-h' }, 'First rows'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'preview' },
      h('thead', {}, h('tr', {}, d.featureNames.slice(0, cols).map((n) => h('th', { scope: 'col', class: 'num' }, n)),
        d.features > cols ? h('th', {}, '…') : null, h('th', { scope: 'col' }, d.labelColumn || 'label'))),
      h('tbody', {}, (d.preview || []).map((r) => h('tr', {},
        r.features.slice(0, cols).map((v) => h('td', { class: 'num' }, num(v, 3))),
        d.features > cols ? h('td', {}, '…') : null,
        h('td', {}, Array.isArray(r.label) ? r.label.map((v) => num(v, 3)).join(', ') : String(r.label))))))));
}
