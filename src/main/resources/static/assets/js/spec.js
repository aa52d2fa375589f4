// The job spec as the form edits it, its JSON form (only what the user set: the server fills the rest and
// writes every default into the stored spec), and the course's presets.
export const MODEL_TYPES = [['mlp', 'MLP (multilayer perceptron)'], ['perceptron', 'Perceptron'], ['adaline', 'ADALINE']];
export const FEATURE_MAPS = [['none', 'none'], ['interactions', 'interactions (x1·x2 …)'], ['poly2', 'poly2 (products and squares)']];
export const ACTIVATIONS = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'gelu', 'identity', 'step'];
export const INITS = ['he_normal', 'he_uniform', 'xavier_normal', 'xavier_uniform', 'orthogonal', 'zeros', 'constant'];
export const OUTPUT_ACTIVATIONS = [['', 'auto'], ['softmax', 'softmax'], ['sigmoid', 'sigmoid'], ['identity', 'identity']];
export const LOSSES = [['', 'auto'], ['cross_entropy', 'cross_entropy'], ['binary_cross_entropy', 'binary_cross_entropy'], ['mse', 'mse']];
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adam', 'rmsprop', 'adagrad'];
export const SCHEDULES = ['constant', 'step', 'inverse_time', 'plateau', 'cosine', 'cyclic'];

/** Parameters shown per optimizer / schedule type: [field, label, step]. */
export const OPTIMIZER_PARAMS = {
  sgd: [['learningRate', 'Learning rate', 'any'], ['weightDecay', 'Weight decay', 'any']],
  momentum: [['learningRate', 'Learning rate', 'any'], ['momentum', 'Momentum', '0.01'], ['weightDecay', 'Weight decay', 'any']],
  nesterov: [['learningRate', 'Learning rate', 'any'], ['momentum', 'Momentum', '0.01'], ['weightDecay', 'Weight decay', 'any']],
  adam: [['learningRate', 'Learning rate', 'any'], ['beta1', 'β1', 'any'], ['beta2', 'β2', 'any'], ['weightDecay', 'Weight decay', 'any']],
  rmsprop: [['learningRate', 'Learning rate', 'any'], ['rho', 'ρ', 'any'], ['weightDecay', 'Weight decay', 'any']],
  adagrad: [['learningRate', 'Learning rate', 'any'], ['weightDecay', 'Weight decay', 'any']],
};
export const SCHEDULE_PARAMS = {
  constant: [],
  step: [['gamma', 'γ (factor)', 'any'], ['stepEpochs', 'Every N epochs', '1']],
  inverse_time: [['a', 'a', 'any'], ['b', 'b', 'any']],
  plateau: [['factor', 'Factor', 'any'], ['patience', 'Patience', '1'], ['minLearningRate', 'Min rate', 'any']],
  cosine: [['period', 'Period (epochs, 0 = run)', '1'], ['minLearningRate', 'Min rate', 'any']],
  cyclic: [['maxLearningRate', 'Max rate', 'any'], ['cycleSteps', 'Cycle steps', '1']],
};

export function defaultState() {
  return {
    datasetId: '',
    validation: { mode: 'split', split: '', datasetId: '' },
    model: { type: 'mlp', featureMap: 'none', standardize: true, threshold: '',
      layers: [{ type: 'dense', units: 32, activation: 'relu', init: 'he_normal' }],
      output: { activation: '', loss: '', init: '' } },
    training: { epochs: 30, batchSize: 32, shuffle: true, seed: 42,
      optimizer: { type: 'adam', learningRate: 0.001 },
      schedule: { type: 'constant', warmupSteps: '' },
      clipNorm: '',
      earlyStopping: { on: false, patience: 5, minDelta: '', restoreBest: true } },
    priority: '',
  };
}

const n = (v) => (v === '' || v === null || v === undefined || Number.isNaN(Number(v)) ? undefined : Number(v));
const prune = (o) => {
  if (Array.isArray(o)) return o.map(prune);
  if (o && typeof o === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(o)) {
      const p = prune(v);
      if (p !== undefined && !(typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0)) out[k] = p;
    }
    return out;
  }
  return o === '' ? undefined : o;
};

/** The request body for POST /jobs. */
export function toSpec(s) {
  const mlp = s.model.type === 'mlp';
  const opt = s.training.optimizer;
  const sch = s.training.schedule;
  const params = (list, src) => Object.fromEntries(list.map(([f]) => [f, n(src[f])]));
  const spec = {
    datasetId: s.datasetId || undefined,
    validation: s.validation.mode === 'dataset' ? { datasetId: s.validation.datasetId || undefined }
      : { split: n(s.validation.split) },
    model: {
      type: s.model.type,
      featureMap: s.model.featureMap,
      standardize: s.model.standardize,
      threshold: s.model.type === 'adaline' ? n(s.model.threshold) : undefined,
      layers: mlp ? s.model.layers.map((l) => (l.type === 'dense'
        ? { units: n(l.units), activation: l.activation, init: l.init } : { type: l.type })) : undefined,
      output: mlp ? { activation: s.model.output.activation, loss: s.model.output.loss, init: s.model.output.init } : undefined,
    },
    training: {
      epochs: n(s.training.epochs),
      batchSize: n(s.training.batchSize),
      shuffle: s.training.shuffle,
      seed: n(s.training.seed),
      optimizer: mlp ? { type: opt.type, ...params(OPTIMIZER_PARAMS[opt.type] || [], opt) } : { learningRate: n(opt.learningRate) },
      schedule: mlp ? { type: sch.type, warmupSteps: n(sch.warmupSteps), ...params(SCHEDULE_PARAMS[sch.type] || [], sch) } : undefined,
      gradientClip: mlp && n(s.training.clipNorm) ? { norm: n(s.training.clipNorm) } : undefined,
      earlyStopping: s.training.earlyStopping.on
        ? { patience: n(s.training.earlyStopping.patience), minDelta: n(s.training.earlyStopping.minDelta),
          restoreBest: s.training.earlyStopping.restoreBest }
        : { patience: 0 },
    },
    priority: n(s.priority),
  };
  return prune(spec);
}

const dense = (units, activation = 'relu', init = activation.includes('relu') ? 'he_normal' : 'xavier_normal') =>
  ({ type: 'dense', units, activation, init });

/** Presets for the course's examples. `kind` says which dataset they are meant for. */
export const PRESETS = [
  { id: 'and', label: 'AND · perceptron', kind: 'and', apply(s) {
    s.model = { ...s.model, type: 'perceptron', featureMap: 'none', standardize: false };
    Object.assign(s.training, { epochs: 20, batchSize: 1, shuffle: true });
    s.training.optimizer = { type: 'sgd', learningRate: 0.1 };
    s.validation = { mode: 'split', split: 0, datasetId: '' };
  } },
  { id: 'xor-adaline', label: 'XOR · ADALINE + interactions', kind: 'xor', apply(s) {
    s.model = { ...s.model, type: 'adaline', featureMap: 'interactions', standardize: false, threshold: 0.5 };
    Object.assign(s.training, { epochs: 300, batchSize: 1, shuffle: true });
    s.training.optimizer = { type: 'sgd', learningRate: 0.05 };
    s.validation = { mode: 'split', split: 0, datasetId: '' };
  } },
  { id: 'xor-relu', label: 'XOR · 2-layer ReLU net', kind: 'xor', apply(s) {
    s.model = { ...s.model, type: 'mlp', featureMap: 'none', standardize: false, layers: [dense(4)],
      output: { activation: 'softmax', loss: 'cross_entropy', init: '' } };
    Object.assign(s.training, { epochs: 300, batchSize: 4, shuffle: true });
    s.training.optimizer = { type: 'adam', learningRate: 0.05 };
    s.training.schedule = { type: 'constant', warmupSteps: '' };
    s.validation = { mode: 'split', split: 0, datasetId: '' };
  } },
  { id: 'rings', label: 'Rings · 2-32-16-2 ReLU + momentum', kind: 'rings', apply(s) {
    s.model = { ...s.model, type: 'mlp', featureMap: 'none', standardize: true, layers: [dense(32), dense(16)],
      output: { activation: 'softmax', loss: 'cross_entropy', init: '' } };
    // Small batches and a modest rate: the boundary bends over a few seconds, slow enough to watch.
    Object.assign(s.training, { epochs: 150, batchSize: 16, shuffle: true, seed: 42 });
    s.training.optimizer = { type: 'momentum', learningRate: 0.005, momentum: 0.9 };
    s.training.schedule = { type: 'step', gamma: 0.5, stepEpochs: 50, warmupSteps: '' };
    s.training.earlyStopping.on = false;
    s.validation = { mode: 'split', split: 0.2, datasetId: '' };
  } },
  { id: 'fashion', label: 'Fashion-MNIST · 784-256-128-10', kind: 'images', apply(s) {
    s.model = { ...s.model, type: 'mlp', featureMap: 'none', standardize: true, layers: [dense(256), dense(128)],
      output: { activation: 'softmax', loss: 'cross_entropy', init: '' } };
    Object.assign(s.training, { epochs: 10, batchSize: 128, shuffle: true, seed: 42 });
    s.training.optimizer = { type: 'adam', learningRate: 0.001 };
    s.training.schedule = { type: 'constant', warmupSteps: '' };
    s.training.earlyStopping = { on: true, patience: 3, minDelta: '', restoreBest: true };
    s.validation = { mode: 'split', split: 0.1, datasetId: '' };
  } },
];

/**
 * The notes' experiment: plain SGD, then momentum, then momentum with step decay and shuffling — same
 * network, data, seed and epochs, so only the optimizer story differs.
 */
export function momentumExperiment(datasetId) {
  const base = () => ({
    datasetId,
    validation: { split: 0.2 },
    model: { type: 'mlp', standardize: true, layers: [dense(32), dense(16)] },
    training: { epochs: 40, batchSize: 64, seed: 42, earlyStopping: { patience: 0 } },
  });
  const plain = base();
  plain.training = { ...plain.training, shuffle: false, optimizer: { type: 'sgd', learningRate: 0.01 } };
  const momentum = base();
  momentum.training = { ...momentum.training, shuffle: false, optimizer: { type: 'momentum', learningRate: 0.01, momentum: 0.9 } };
  const decay = base();
  decay.training = { ...decay.training, shuffle: true, optimizer: { type: 'momentum', learningRate: 0.01, momentum: 0.9 },
    schedule: { type: 'step', gamma: 0.5, stepEpochs: 10 } };
  return [plain, momentum, decay];
}
