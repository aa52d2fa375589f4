// A model: architecture, final metrics, a try-it form (or a drawing pad for 28×28 images), its decision
// boundary for 2 inputs, and the weights download.
import { api, download } from '../api.js';
import { h, clear, field, num, pct, when, short, legend, errorBox, classColor } from '../ui.js';
import { boundary, neuron, confusion, pad } from '../draw.js';
import { planeBounds } from './dataset.js';

export async function render(main, { id, signal }) {
  const m = await api(`/models/${id}`, { signal });
  let dataset = null;
  if (m.datasetId) {
    try { dataset = await api(`/datasets/${m.datasetId}`, { signal }); } catch (err) { if (err.name === 'AbortError') throw err; }
  }
  const status = h('div', { 'aria-live': 'polite' });
  main.append(h('div', { class: 'row spread' },
    h('h1', {}, `Model ${short(m.id)}`),
    h('div', { class: 'row' },
      m.jobId ? h('a', { class: 'button secondary', href: `#/jobs/${m.jobId}` }, 'Its training job') : null,
      h('button', { type: 'button', id: 'download-weights', onclick: () => download(`/models/${m.id}/weights?download=true`, `model-${m.id}.json`)
        .catch((err) => clear(status, errorBox(err))) }, 'Download weights (JSON)'))),
  h('p', { class: 'muted' }, `${m.type} · ${m.task} · ${num(m.parameters)} parameters · created ${when(m.createdAt)}`,
    dataset ? [' · trained on ', h('a', { href: `#/datasets/${dataset.id}` }, dataset.name)] : ''), status);

  main.append(h('div', { class: 'grid two' },
    h('section', { class: 'panel', 'aria-labelledby': 'arch-h' }, h('h2', { id: 'arch-h' }, 'Architecture'), architecture(m.architecture)),
    h('section', { class: 'panel', 'aria-labelledby': 'met-h' }, h('h2', { id: 'met-h' }, 'Final metrics'), metrics(m.metrics))));

  const image = m.featureNames.length === 784;
  main.append(h('div', { class: 'grid two' }, image ? drawPanel(m) : tryPanel(m, dataset), h('div', { id: 'model-pictures' })));
  const pictures = main.querySelector('#model-pictures');
  if (m.featureNames.length === 2) pictures.append(await boundaryPanel(m, dataset, signal));
  if (m.task === 'classification' && m.jobId) {
    const c = await api(`/jobs/${m.jobId}/confusion`, { signal }).catch(() => null);
    if (c) {
      const canvas = h('canvas', { class: 'picture', role: 'img',
        'aria-label': `Confusion matrix on ${c.rows} ${c.set} rows: accuracy ${pct(c.accuracy)}` });
      confusion(canvas, c);
      pictures.append(h('section', { class: 'panel' }, h('h2', {}, 'Confusion matrix'), canvas,
        h('p', { class: 'muted small' }, `${num(c.rows)} ${c.set} rows · accuracy ${pct(c.accuracy)} · rows true, columns predicted`)));
    }
  }
}

function architecture(stages) {
  const parts = [];
  stages.forEach((s, i) => {
    if (i) parts.push(h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'));
    const dense = /^dense (\d+)→(\d+)/.exec(s);
    const input = /^input (\d+)/.exec(s);
    const units = dense ? Number(dense[2]) : input ? Number(input[1]) : 0;
    parts.push(h('div', { class: `stage${dense ? ' dense' : ''}`, role: 'listitem' }, h('div', {}, s),
      units ? h('div', { class: 'dots', 'aria-hidden': 'true' },
        Array.from({ length: Math.min(units, 12) }, () => h('span', { class: 'dot' })),
        units > 12 ? h('span', { class: 'small muted' }, `+${units - 12}`) : null) : null));
  });
  return h('div', { class: 'arch', role: 'list', id: 'architecture', 'aria-label': `Layers: ${stages.join(', ')}` }, parts);
}

function metrics(mt) {
  const rows = [['Training loss', num(mt.loss)], ['Training accuracy', pct(mt.accuracy)], ['Validation loss', num(mt.valLoss)],
    ['Validation accuracy', pct(mt.valAccuracy)], ['Epochs run', num(mt.epochs)], ['Weights from epoch', num(mt.bestEpoch)],
    ['Stopped early', mt.stoppedEarly === undefined ? '–' : mt.stoppedEarly ? 'yes' : 'no']];
  return h('dl', { class: 'kv', id: 'model-metrics' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function result(box, p, classes) {
  if (p.label === undefined) { clear(box, h('p', {}, 'Prediction: ', h('strong', { id: 'predicted-label' }, [].concat(p.value).map((v) => num(v)).join(', ')))); return; }
  const probs = Object.entries(p.probabilities || {}).sort((a, b) => b[1] - a[1]).slice(0, 10);
  clear(box, h('p', {}, 'Predicted class: ', h('strong', { id: 'predicted-label' }, p.label)),
    h('div', { class: 'bars' }, probs.map(([c, v]) => h('div', { class: 'bar' }, h('span', {}, c),
      h('span', { 'aria-hidden': 'true' }, h('span', { class: 'fill', style: `display:block;width:${v * 100}%;background:${classColor(classes.indexOf(c))}` })),
      h('span', { class: 'num' }, pct(v))))));
}

function tryPanel(m, dataset) {
  const shown = m.featureNames.slice(0, 40);
  const means = Object.fromEntries((dataset?.stats || []).map((s) => [s.name, s.mean]));
  const inputs = shown.map((n, i) => h('input', { type: 'number', step: 'any', id: `try-${i}`, required: true,
    value: means[n] !== undefined ? Number(means[n].toFixed(3)) : 0 }));
  const out = h('div', { id: 'prediction', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'try-h', id: 'try-form' }, h('h2', { id: 'try-h' }, 'Try it'),
    m.featureNames.length > shown.length ? h('p', { class: 'muted small' }, `This model takes ${m.featureNames.length} inputs; use the API for it.`)
      : h('div', { class: 'fields' }, shown.map((n, i) => field(n, inputs[i]))),
    h('div', { class: 'row', style: 'margin-top:.7rem' }, h('button', { type: 'submit', id: 'predict', disabled: m.featureNames.length > shown.length }, 'Predict')),
    out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await api(`/models/${m.id}/predict`, { method: 'POST', body: { inputs: [inputs.map((x) => Number(x.value))] } });
      result(out, r.predictions[0], m.classes);
    } catch (err) {
      clear(out, errorBox(err));
    }
  });
  return form;
}

function drawPanel(m) {
  const canvas = h('canvas', { class: 'pad', id: 'draw-pad', role: 'img', 'aria-label': 'Drawing pad, 28 by 28 pixels: draw with the mouse, pen or finger' });
  const out = h('div', { id: 'prediction', 'aria-live': 'polite' });
  const predict = async () => {
    try {
      const r = await api(`/models/${m.id}/predict`, { method: 'POST', body: { inputs: [p.read()] } });
      result(out, r.predictions[0], m.classes);
    } catch (err) {
      clear(out, errorBox(err));
    }
  };
  const p = pad(canvas, predict);
  return h('section', { class: 'panel', 'aria-labelledby': 'draw-h' }, h('h2', { id: 'draw-h' }, 'Draw and predict'),
    h('div', { class: 'pad-wrap' }, canvas, h('div', {},
      h('div', { class: 'row' }, h('button', { type: 'button', id: 'predict', onclick: predict }, 'Predict'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { p.clear(); clear(out); } }, 'Clear')),
      out)));
}

async function boundaryPanel(m, dataset, signal) {
  const q = new URLSearchParams({ resolution: 96, neuronResolution: 24, ...(dataset ? planeBounds(dataset.stats) : {}) });
  const s = await api(`/models/${m.id}/boundary?${q}`, { signal });
  const sample = dataset ? await api(`/datasets/${dataset.id}/sample?size=600`, { signal }) : null;
  const canvas = h('canvas', { class: 'picture', id: 'model-boundary', role: 'img',
    'aria-label': `Decision boundary over ${s.featureNames.join(' and ')}${sample ? ', with the training data on top' : ''}` });
  boundary(canvas, s, sample);
  const tiles = s.neurons.map((n) => {
    const c = h('canvas', { role: 'img', 'aria-label': `Hidden layer ${n.layer}, unit ${n.unit + 1} (${n.activation})` });
    neuron(c, n.values, s.neuronResolution, 56);
    return h('figure', {}, c, h('figcaption', {}, `L${n.layer}·${n.unit + 1}`));
  });
  return h('section', { class: 'panel' }, h('h2', {}, 'Decision boundary'), canvas, s.classes.length ? legend(s.classes) : null,
    tiles.length ? [h('h3', {}, 'Hidden units'), h('div', { class: 'neurons' }, tiles)] : null);
}
