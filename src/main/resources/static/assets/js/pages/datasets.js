// Datasets: the paged list, drag-and-drop upload with progress, and the playground generator.
import { api, upload } from '../api.js';
import { h, clear, field, select, errorBox, pager, when, num, toast } from '../ui.js';

const KINDS = ['and', 'or', 'xor', 'rings', 'spirals', 'moons', 'gaussians'];

export async function render(main, { params }) {
  const list = h('div', {});
  main.append(h('h1', {}, 'Datasets'),
    h('div', { class: 'grid two' }, uploadPanel(), generatorPanel()),
    h('section', { class: 'panel', 'aria-labelledby': 'ds-list' }, h('h2', { id: 'ds-list' }, 'Your datasets'), list));
  await showPage(list, Number(params.get('page') || 0));
}

async function showPage(box, page) {
  const view = await api(`/datasets?page=${page}&size=20`);
  if (!view.items.length) {
    clear(box, h('p', { class: 'muted' }, 'No datasets yet: upload one or generate a playground set above.'));
    return;
  }
  clear(box, h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Name', 'Format', 'Task', 'Rows', 'Features', 'Classes', 'Created', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, view.items.map((d) => h('tr', {},
      h('td', {}, h('a', { href: `#/datasets/${d.id}` }, d.name)),
      h('td', {}, d.format), h('td', {}, d.task),
      h('td', { class: 'num' }, num(d.rows)), h('td', { class: 'num' }, num(d.features)),
      h('td', {}, d.classes.length ? d.classes.slice(0, 6).join(', ') + (d.classes.length > 6 ? ' …' : '') : '–'),
      h('td', {}, when(d.createdAt)),
      h('td', {}, h('a', { href: `#/jobs/new?dataset=${d.id}` }, 'Train')))))),
  ), pager(view, (p) => showPage(box, p)));
}

function uploadPanel() {
  const files = h('input', { type: 'file', multiple: true, accept: '.csv,.json,.gz,.idx3-ubyte,.idx1-ubyte,.ubyte,*/*' });
  const name = h('input', { type: 'text', placeholder: 'from the file name' });
  const task = select(['classification', 'regression'], 'classification');
  const labelColumn = h('input', { type: 'text', placeholder: 'last column' });
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Upload progress' });
  const pctText = h('span', { class: 'small muted' }, '');
  const status = h('div', { 'aria-live': 'polite' });
  const zone = h('div', { class: 'dropzone', tabindex: '0', role: 'button', 'aria-label': 'Drop files here or press Enter to choose files' },
    h('p', {}, h('strong', {}, 'Drop a CSV or JSON file, or an IDX pair (images + labels), here')),
    h('p', { class: 'muted small' }, 'or press Enter / click to choose files; gzip is fine'));
  zone.addEventListener('click', () => files.click());
  zone.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); files.click(); } });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); send([...e.dataTransfer.files]); });
  files.addEventListener('change', () => send([...files.files]));

  async function send(list) {
    if (!list.length) return;
    const form = new FormData();
    if (list.length === 2) {
      // An IDX pair: the labels file is the one whose name says so (or the smaller one).
      const sorted = [...list].sort((a, b) => a.size - b.size);
      const labels = list.find((f) => /label|idx1/i.test(f.name)) || sorted[0];
      form.append('images', list.find((f) => f !== labels));
      form.append('labels', labels);
    } else if (list.length === 1) {
      form.append('file', list[0]);
    } else {
      clear(status, errorBox(new Error('Send one CSV/JSON file or exactly two IDX files.')));
      return;
    }
    const q = new URLSearchParams({ task: task.value });
    if (name.value.trim()) q.set('name', name.value.trim());
    if (labelColumn.value.trim()) q.set('labelColumn', labelColumn.value.trim());
    clear(status, 'Uploading…');
    try {
      const ds = await upload(`/datasets?${q}`, form, (f) => { bar.value = f; pctText.textContent = `${Math.round(f * 100)}%`; });
      bar.value = 1;
      toast(`Uploaded ${ds.name}: ${ds.rows} rows`);
      location.hash = `#/datasets/${ds.id}`;
    } catch (err) {
      clear(status, errorBox(err));
    }
  }

  return h('section', { class: 'panel', 'aria-labelledby': 'up-h' }, h('h2', { id: 'up-h' }, 'Upload'),
    zone,
    h('div', { class: 'fields', style: 'margin-top:.7rem' }, field('Choose files', files), field('Name', name),
      field('Task', task), field('Label column', labelColumn)),
    h('div', { class: 'progress', style: 'margin-top:.7rem' }, bar, pctText), status);
}

function generatorPanel() {
  const kind = select(KINDS, 'rings', { name: 'kind' });
  const samples = h('input', { type: 'range', min: 4, max: 20000, step: 4, value: 2000, name: 'samples' });
  const noise = h('input', { type: 'range', min: 0, max: 1, step: 0.01, value: 0.1, name: 'noise' });
  const seed = h('input', { type: 'number', min: 0, value: 1, name: 'seed' });
  const name = h('input', { type: 'text', placeholder: 'rings-2000', name: 'name' });
  const samplesOut = h('output', { for: '' }, '2000');
  const noiseOut = h('output', {}, '0.10');
  samples.addEventListener('input', () => { samplesOut.textContent = samples.value; });
  noise.addEventListener('input', () => { noiseOut.textContent = Number(noise.value).toFixed(2); });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'gen-h', id: 'generate-form' },
    h('h2', { id: 'gen-h' }, 'Generate a playground set'),
    h('div', { class: 'fields' },
      field('Kind', kind),
      h('div', { class: 'field' }, field('Samples', samples), samplesOut),
      h('div', { class: 'field' }, field('Noise', noise), noiseOut),
      field('Seed', seed), field('Name', name)),
    h('div', { class: 'row', style: 'margin-top:.7rem' }, h('button', { type: 'submit', id: 'generate' }, 'Generate')),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const ds = await api('/datasets/generate', { method: 'POST', body: {
        kind: kind.value, samples: Number(samples.value), noise: Number(noise.value), seed: Number(seed.value || 1),
        name: name.value.trim() || undefined } });
      toast(`Generated ${ds.name}`);
      location.hash = `#/datasets/${ds.id}`;
    } catch (err) {
      clear(status, errorBox(err));
    }
  });
  return form;
}
