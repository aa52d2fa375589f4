// A job, live over its SSE stream: status, progress and ETA, curves, the decision boundary with every hidden
// unit's picture (2-feature data), and the confusion matrix on the validation rows.
import { api, events } from '../api.js';
import { h, clear, badge, num, pct, duration, short, when, legend, errorBox, toast } from '../ui.js';
import { Chart } from '../plots.js';
import { boundary, neuron, confusion } from '../draw.js';
import { planeBounds } from './dataset.js';

const REFRESH_MS = 600;
const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function render(main, { id, signal }) {
  let job = await api(`/jobs/${id}`, { signal });
  let dataset = null;
  try { dataset = await api(`/datasets/${job.datasetId}`, { signal }); } catch (err) { if (err.name === 'AbortError') throw err; }
  const twoD = dataset?.features === 2;
  const classification = dataset ? dataset.task === 'classification' : true;

  const head = h('div', {});
  const progress = h('progress', { max: 1, value: 0, id: 'job-progress', 'aria-label': 'Training progress' });
  const progressText = h('span', { id: 'job-progress-text', class: 'small' });
  const charts = h('div', { class: 'charts' });
  const pictures = h('div', { class: 'grid two' });
  const errorArea = h('div', {});
  main.append(head, h('div', { class: 'panel progress' }, progress, progressText), errorArea, pictures, charts,
    h('details', { class: 'panel' }, h('summary', {}, 'Normalized spec'), h('pre', { class: 'json', id: 'job-spec' }, JSON.stringify(job.spec, null, 2))));

  const loss = new Chart(charts, 'Loss', [{ label: 'training' }, { label: 'validation', dash: [6, 4] }]);
  const acc = classification ? new Chart(charts, 'Accuracy', [{ label: 'training' }, { label: 'validation', dash: [6, 4] }]) : null;
  const rates = new Chart(charts, 'Learning rate and momentum', [{ label: 'learning rate' }, { label: 'momentum', scale: 'y2' }], { y2: 'momentum' });
  let grads = null;
  let weights = null;
  const m = { epoch: [], loss: [], valLoss: [], accuracy: [], valAccuracy: [], lr: [], momentum: [], grads: [], weights: [], seconds: 0 };

  const drawHead = () => {
    clear(head, h('div', { class: 'row spread' },
      h('h1', {}, `Job ${short(job.id)} `, h('span', { id: 'job-status' }, badge(job.status))),
      h('div', { class: 'row' },
        job.modelId ? h('a', { class: 'button', href: `#/models/${job.modelId}`, id: 'open-model' }, 'Open the model') : null,
        h('a', { class: 'button secondary', href: `#/compare?ids=${job.id}` }, 'Compare…'),
        TERMINAL.includes(job.status) ? null
          : h('button', { type: 'button', class: 'danger', id: 'cancel-job', onclick: cancel }, 'Cancel'))),
    h('p', { class: 'muted' }, 'Dataset ', dataset ? h('a', { href: `#/datasets/${dataset.id}` }, dataset.name) : short(job.datasetId),
      ` · ${job.spec.model.type} · ${job.spec.training.optimizer?.type || 'sgd'} · created ${when(job.createdAt)}`,
      job.startedAt ? ` · started ${when(job.startedAt)}` : '', job.finishedAt ? ` · finished ${when(job.finishedAt)}` : ''));
    clear(errorArea, job.error ? errorBox({ title: job.error.title, message: job.error.detail }) : null);
  };
  async function cancel() {
    try { job = await api(`/jobs/${job.id}/cancel`, { method: 'POST' }); toast('Cancel requested'); drawHead(); } catch (err) { errorArea.append(errorBox(err)); }
  }
  const drawProgress = () => {
    const done = m.epoch.length ? m.epoch[m.epoch.length - 1] : job.epoch;
    progress.value = job.epochs ? done / job.epochs : 0;
    const eta = TERMINAL.includes(job.status) ? null : done ? (m.seconds / done) * (job.epochs - done) : job.etaSeconds;
    progressText.textContent = `epoch ${done} of ${job.epochs}` + (eta !== null && eta !== undefined ? ` · ETA ${duration(eta)}` : '')
      + (job.status === 'SUCCEEDED' && done < job.epochs ? ' · stopped early' : '');
  };
  const drawCharts = () => {
    loss.set(m.epoch, [m.loss, m.valLoss]);
    acc?.set(m.epoch, [m.accuracy, m.valAccuracy]);
    rates.set(m.epoch, [m.lr, m.momentum]);
    const layers = m.grads.length ? m.grads[m.grads.length - 1].length : 0;
    if (layers && !grads) {
      const names = Array.from({ length: layers }, (_, i) => ({ label: `layer ${i + 1}` }));
      grads = new Chart(charts, 'Gradient norm per layer (log scale)', names, { log: true });
      weights = new Chart(charts, 'Weight norm per layer (log scale)', names, { log: true });
    }
    if (grads) {
      const col = (rows, i) => rows.map((r) => r[i] ?? null);
      grads.set(m.epoch, Array.from({ length: layers }, (_, i) => col(m.grads, i)));
      weights.set(m.epoch, Array.from({ length: layers }, (_, i) => col(m.weights, i)));
    }
    drawProgress();
  };

  // Pictures: boundary + hidden units for 2-feature data, confusion matrix for classification.
  let sample = null;
  let bounds = null;
  const bCanvas = h('canvas', { class: 'picture', id: 'boundary', role: 'img', dataset: { epoch: '0', draws: '0' },
    'aria-label': 'Decision boundary: not drawn yet' });
  const bCaption = h('p', { class: 'muted small', id: 'boundary-caption', 'aria-live': 'off' }, 'Waiting for the first epoch…');
  const neurons = h('div', { class: 'neurons', id: 'neurons' });
  const cCanvas = h('canvas', { class: 'picture', id: 'confusion', role: 'img', 'aria-label': 'Confusion matrix: not computed yet' });
  const cCaption = h('p', { class: 'muted small', id: 'confusion-caption' }, 'Computed on the validation rows as epochs finish.');
  if (twoD) {
    sample = await api(`/datasets/${dataset.id}/sample?size=600`, { signal });
    bounds = planeBounds(dataset.stats);
    pictures.append(h('section', { class: 'panel', 'aria-labelledby': 'b-h' }, h('h2', { id: 'b-h' }, 'Decision boundary'),
      bCanvas, bCaption, dataset.classes.length ? legend(dataset.classes) : null,
      h('h3', {}, 'What each hidden unit computes'),
      h('p', { class: 'muted small' }, 'Activation of every hidden unit over the same plane (blue positive, orange negative).'), neurons));
  }
  if (classification) {
    pictures.append(h('section', { class: 'panel', 'aria-labelledby': 'c-h' }, h('h2', { id: 'c-h' }, 'Confusion matrix'), cCanvas, cCaption));
  }

  let lastRefresh = 0;
  let inFlight = false;
  const refresh = async (force = false) => {
    if (inFlight || (!force && Date.now() - lastRefresh < REFRESH_MS)) return;
    inFlight = true;
    lastRefresh = Date.now();
    try {
      if (twoD) {
        const q = new URLSearchParams({ resolution: 64, neuronResolution: 24, ...bounds });
        const s = await api(`/jobs/${job.id}/boundary?${q}`, { signal });
        if (s && (String(s.epoch) !== bCanvas.dataset.epoch || s.live !== (bCanvas.dataset.live === 'true') || force)) drawBoundary(s);
      }
      if (classification) {
        const c = await api(`/jobs/${job.id}/confusion`, { signal });
        if (c) drawConfusion(c);
      }
    } catch (err) {
      if (err.name !== 'AbortError') errorArea.append(errorBox(err));
    } finally {
      inFlight = false;
    }
  };
  function drawBoundary(s) {
    boundary(bCanvas, s, sample);
    bCanvas.dataset.epoch = String(s.epoch);
    bCanvas.dataset.live = String(s.live);
    bCanvas.dataset.draws = String(Number(bCanvas.dataset.draws) + 1);
    bCanvas.dataset.history = `${bCanvas.dataset.history || ''}${s.epoch}${s.live ? 'L' : 'F'},`;
    const what = s.live ? `live snapshot after epoch ${s.epoch}` : `final model (epoch ${s.epoch})`;
    bCanvas.setAttribute('aria-label', `Decision boundary of the ${what} over ${s.featureNames.join(' and ')}, with the data on top`);
    bCaption.textContent = `${s.live ? 'Live' : 'Final'}: ${what}.`;
    clear(neurons, s.neurons.map((n) => {
      const c = h('canvas', { role: 'img', 'aria-label': `Hidden layer ${n.layer}, unit ${n.unit + 1} (${n.activation})` });
      const [lo, hi] = neuron(c, n.values, s.neuronResolution);
      return h('figure', {}, c, h('figcaption', {}, `L${n.layer}·${n.unit + 1} ${n.activation}`), h('span', { class: 'sr-only' }, `range ${num(lo)} to ${num(hi)}`));
    }));
  }
  function drawConfusion(c) {
    confusion(cCanvas, c);
    const label = `Confusion matrix on ${num(c.rows)} ${c.set} rows ${c.isFinal ? 'of the final model' : `after epoch ${c.epoch}`}: accuracy ${pct(c.accuracy)}`;
    cCanvas.setAttribute('aria-label', label);
    cCanvas.dataset.epoch = String(c.epoch);
    cCaption.textContent = `${label}. Rows: true class; columns: predicted.`;
  }

  drawHead();
  drawProgress();
  await refresh(true);
  try {
    await events(`/jobs/${id}/events`, (name, data) => {
      if (name === 'epoch') {
        m.epoch.push(data.epoch); m.loss.push(data.loss); m.valLoss.push(data.valLoss);
        m.accuracy.push(data.accuracy); m.valAccuracy.push(data.valAccuracy);
        m.lr.push(data.learningRate); m.momentum.push(data.momentum);
        m.grads.push(data.gradientNorms || []); m.weights.push(data.weightNorms || []);
        m.seconds += data.seconds || 0;
        if (job.status === 'RUNNING') progress.dataset.liveEpochs = String(Number(progress.dataset.liveEpochs || 0) + 1);
        drawCharts();
        refresh();
      } else if (name === 'status') {
        const was = job.status;
        job = data;
        if (was !== job.status) drawHead();
        drawProgress();
      }
    }, signal);
  } catch (err) {
    if (err.name === 'AbortError') return;
    errorArea.append(errorBox(err));
  }
  // The stream ended with the final status: draw the final model's pictures.
  job = await api(`/jobs/${id}`, { signal });
  drawHead();
  drawCharts();
  await new Promise((r) => { const wait = () => (inFlight ? setTimeout(wait, 50) : r()); wait(); });
  await refresh(true);
}
