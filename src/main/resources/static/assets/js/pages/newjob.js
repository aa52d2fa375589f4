// New job: a form that builds the spec, the JSON beside it as you type, and the course presets.
import { api } from '../api.js';
import { h, clear, field, select, errorBox, toast, num } from '../ui.js';
import * as S from '../spec.js';

export async function render(main, { params }) {
  const datasets = (await api('/datasets?size=100')).items;
  const wanted = params.get('dataset');
  if (wanted && !datasets.some((d) => d.id === wanted)) {
    try { datasets.unshift(await api(`/datasets/${wanted}`)); } catch { /* gone: the select shows the others */ }
  }
  const state = S.defaultState();
  state.datasetId = wanted || datasets[0]?.id || '';
  const preset = params.get('preset');

  const form = h('form', { id: 'job-form', novalidate: true });
  const json = h('pre', { class: 'json', id: 'spec-json', 'aria-label': 'Job spec as JSON' });
  const status = h('div', { 'aria-live': 'polite' });
  const hint = h('p', { class: 'muted small', 'aria-live': 'polite' });

  const update = () => { json.textContent = JSON.stringify(S.toSpec(state), null, 2); };
  const rebuild = () => {
    const focused = document.activeElement?.id;
    clear(form, formBody(state, datasets, rebuild, update), h('div', { class: 'row' },
      h('button', { type: 'submit', id: 'submit-job' }, 'Start training')), status);
    update();
    if (focused) document.getElementById(focused)?.focus();
  };

  const usePreset = (p) => {
    p.apply(state);
    const ds = datasets.find((d) => d.id === state.datasetId);
    if (!ds || !fits(ds, p.kind)) {
      const match = datasets.find((d) => fits(d, p.kind));
      if (match) state.datasetId = match.id;
    }
    const chosen = datasets.find((d) => d.id === state.datasetId);
    hint.textContent = chosen && fits(chosen, p.kind) ? `${p.label} on ${chosen.name}.`
      : `${p.label}: generate or upload ${p.kind === 'images' ? 'an image (IDX) dataset' : `a "${p.kind}" dataset`} to match.`;
    rebuild();
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const job = await api('/jobs', { method: 'POST', body: S.toSpec(state) });
      toast(`Job ${job.id.slice(0, 8)} queued`);
      location.hash = `#/jobs/${job.id}`;
    } catch (err) {
      clear(status, errorBox(err));
    }
  });

  const experiment = async () => {
    if (!state.datasetId) { clear(status, errorBox(new Error('Choose a dataset first.'))); return; }
    try {
      const ids = [];
      for (const spec of S.momentumExperiment(state.datasetId)) ids.push((await api('/jobs', { method: 'POST', body: spec })).id);
      location.hash = `#/compare?ids=${ids.join(',')}`;
    } catch (err) {
      clear(status, errorBox(err));
    }
  };

  main.append(h('h1', {}, 'New training job'),
    h('section', { class: 'panel', 'aria-labelledby': 'presets-h' }, h('h2', { id: 'presets-h' }, 'Presets from the course'),
      h('div', { class: 'presets' }, S.PRESETS.map((p) => h('button', { type: 'button', class: 'secondary', id: `preset-${p.id}`,
        onclick: () => usePreset(p) }, p.label)),
      h('button', { type: 'button', id: 'preset-momentum', onclick: experiment, title: 'Submits three jobs and opens the comparison' },
        'Experiment: no momentum vs momentum vs momentum + step decay + shuffle')),
      hint),
    h('div', { class: 'grid two' }, h('div', { class: 'panel' }, form),
      h('div', { class: 'panel', style: 'position:sticky;top:.5rem;align-self:start' }, h('h2', {}, 'Spec (JSON)'), json,
        h('p', { class: 'muted small' }, 'Fields left empty take the server\'s defaults; the job page shows the full normalized spec.'))));
  const p = S.PRESETS.find((x) => x.id === preset);
  if (p) usePreset(p); else rebuild();
}

function fits(d, kind) {
  if (kind === 'images') return d.features >= 64 && Number.isInteger(Math.sqrt(d.features));
  return d.name.toLowerCase().startsWith(kind);
}

/** Binds an input to obj[key]; numbers stay strings until toSpec so a half-typed value is not lost. */
function bind(input, obj, key, { change } = {}) {
  const isBox = input.type === 'checkbox';
  if (isBox) input.checked = !!obj[key]; else input.value = obj[key] ?? '';
  input.addEventListener(input.tagName === 'SELECT' || isBox ? 'change' : 'input', () => {
    obj[key] = isBox ? input.checked : input.value;
    if (change) change();
  });
  return input;
}

const numberInput = (id, step = 'any', min) => h('input', { type: 'number', id, step, min, inputmode: 'decimal', size: 8 });

function formBody(s, datasets, rebuild) {
  const mlp = s.model.type === 'mlp';
  const dsOptions = datasets.map((d) => [d.id, `${d.name} (${num(d.rows)} × ${d.features})`]);
  const parts = [];

  parts.push(h('fieldset', {}, h('legend', {}, 'Data'), h('div', { class: 'fields' },
    field('Dataset', bind(select(dsOptions.length ? dsOptions : [['', 'no datasets yet']], s.datasetId, { id: 'f-dataset' }), s, 'datasetId')),
    field('Validation', bind(select([['split', 'hold out a split'], ['dataset', 'separate dataset']], s.validation.mode, { id: 'f-valmode' }),
      s.validation, 'mode', { change: rebuild })),
    s.validation.mode === 'split'
      ? field('Split (0–0.9)', bind(numberInput('f-split', '0.05', 0), s.validation, 'split'), { hint: 'empty: 0.1 for an MLP' })
      : field('Validation dataset', bind(select([['', '—'], ...dsOptions], s.validation.datasetId, { id: 'f-valds' }), s.validation, 'datasetId')))));

  parts.push(h('fieldset', {}, h('legend', {}, 'Model'), h('div', { class: 'fields' },
    field('Model type', bind(select(S.MODEL_TYPES, s.model.type, { id: 'f-type' }), s.model, 'type', { change: rebuild })),
    field('Feature map', bind(select(S.FEATURE_MAPS, s.model.featureMap, { id: 'f-fmap' }), s.model, 'featureMap')),
    field('Standardize inputs', bind(h('input', { type: 'checkbox', id: 'f-std' }), s.model, 'standardize'), { inline: true }),
    s.model.type === 'adaline' ? field('Threshold θ', bind(numberInput('f-theta'), s.model, 'threshold'), { hint: 'empty: 0' }) : null)));

  if (mlp) parts.push(layersFieldset(s, rebuild), outputFieldset(s));

  const opt = s.training.optimizer;
  const sch = s.training.schedule;
  parts.push(h('fieldset', {}, h('legend', {}, 'Optimizer'), h('div', { class: 'fields' },
    mlp ? field('Optimizer', bind(select(S.OPTIMIZERS, opt.type, { id: 'f-opt' }), opt, 'type', { change: rebuild })) : null,
    (mlp ? S.OPTIMIZER_PARAMS[opt.type] : [['learningRate', 'Learning rate', 'any']])
      .map(([f, label, step]) => field(label, bind(numberInput(`f-opt-${f}`, step, 0), opt, f))))));

  if (mlp) {
    parts.push(h('fieldset', {}, h('legend', {}, 'Learning-rate schedule'), h('div', { class: 'fields' },
      field('Schedule', bind(select(S.SCHEDULES, sch.type, { id: 'f-sched' }), sch, 'type', { change: rebuild })),
      S.SCHEDULE_PARAMS[sch.type].map(([f, label, step]) => field(label, bind(numberInput(`f-sched-${f}`, step, 0), sch, f))),
      field('Warm-up steps', bind(numberInput('f-warmup', '1', 0), sch, 'warmupSteps')))));
  }

  const t = s.training;
  const es = t.earlyStopping;
  parts.push(h('fieldset', {}, h('legend', {}, 'Training'), h('div', { class: 'fields' },
    field('Epochs', bind(numberInput('f-epochs', '1', 1), t, 'epochs')),
    field('Batch size', bind(numberInput('f-batch', '1', 0), t, 'batchSize'), { hint: '1 online, 0 full batch' }),
    field('Seed', bind(numberInput('f-seed', '1', 0), t, 'seed')),
    field('Shuffle each epoch', bind(h('input', { type: 'checkbox', id: 'f-shuffle' }), t, 'shuffle'), { inline: true }),
    mlp ? field('Clip gradient norm', bind(numberInput('f-clip', 'any', 0), t, 'clipNorm'), { hint: 'empty: off' }) : null,
    field('Priority', bind(numberInput('f-priority', '1'), s, 'priority'), { hint: '-1000 … 1000' }))));
  parts.push(h('fieldset', {}, h('legend', {}, 'Early stopping'), h('div', { class: 'fields' },
    field('Stop when validation loss stalls', bind(h('input', { type: 'checkbox', id: 'f-es' }), es, 'on', { change: rebuild }), { inline: true }),
    es.on ? [field('Patience (epochs)', bind(numberInput('f-es-patience', '1', 1), es, 'patience')),
      field('Min improvement', bind(numberInput('f-es-delta', 'any', 0), es, 'minDelta')),
      field('Restore best epoch', bind(h('input', { type: 'checkbox', id: 'f-es-restore' }), es, 'restoreBest'), { inline: true })] : null)));
  return parts;
}

function layersFieldset(s, rebuild) {
  const layers = s.model.layers;
  const move = (i, d) => { const [l] = layers.splice(i, 1); layers.splice(i + d, 0, l); rebuild(); };
  return h('fieldset', { class: 'layers' }, h('legend', {}, 'Hidden layers'),
    layers.map((l, i) => h('div', { class: 'layer', role: 'group', 'aria-label': `Layer ${i + 1}` },
      h('span', { class: 'n' }, `${i + 1}.`),
      field('Kind', bind(select(['dense', 'batchnorm', 'layernorm'], l.type, { id: `f-l${i}-type` }), l, 'type', { change: () => {
        if (l.type === 'dense') Object.assign(l, { units: l.units || 16, activation: l.activation || 'relu', init: l.init || 'he_normal' });
        rebuild();
      } })),
      l.type === 'dense' ? [
        field('Units', bind(numberInput(`f-l${i}-units`, '1', 1), l, 'units')),
        field('Activation', bind(select(S.ACTIVATIONS, l.activation, { id: `f-l${i}-act` }), l, 'activation')),
        field('Init', bind(select(S.INITS, l.init, { id: `f-l${i}-init` }), l, 'init'))] : h('span', { class: 'muted small' }, 'normalizes the previous layer\'s outputs'),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'icon', 'aria-label': `Move layer ${i + 1} up`, disabled: i === 0, onclick: () => move(i, -1) }, '↑'),
        h('button', { type: 'button', class: 'icon', 'aria-label': `Move layer ${i + 1} down`, disabled: i === layers.length - 1, onclick: () => move(i, 1) }, '↓'),
        h('button', { type: 'button', class: 'icon', 'aria-label': `Remove layer ${i + 1}`, onclick: () => { layers.splice(i, 1); rebuild(); } }, '✕')))),
    h('button', { type: 'button', class: 'secondary', id: 'add-layer', onclick: () => {
      layers.push({ type: 'dense', units: 16, activation: 'relu', init: 'he_normal' });
      rebuild();
    } }, '+ Add layer'));
}

function outputFieldset(s) {
  const o = s.model.output;
  return h('fieldset', {}, h('legend', {}, 'Output layer'), h('div', { class: 'fields' },
    field('Activation', bind(select(S.OUTPUT_ACTIVATIONS, o.activation, { id: 'f-out-act' }), o, 'activation')),
    field('Loss', bind(select(S.LOSSES, o.loss, { id: 'f-out-loss' }), o, 'loss')),
    field('Init', bind(select([['', 'auto'], ...S.INITS.map((i) => [i, i])], o.init, { id: 'f-out-init' }), o, 'init'))));
}
