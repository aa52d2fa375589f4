package io.widrow.jobs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.widrow.datasets.DatasetCatalog;
import io.widrow.datasets.DatasetInfo;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.features.FeatureMap;
import io.widrow.engine.init.Initializers;
import io.widrow.engine.model.ModelSpec;
import io.widrow.engine.nn.BatchNormSpec;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerNormSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.nn.activation.Activations;
import io.widrow.engine.nn.loss.Losses;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.EarlyStoppingSpec;
import io.widrow.engine.train.GradientClipSpec;
import io.widrow.engine.train.TrainingSpec;
import io.widrow.security.Caller;
import io.widrow.system.WidrowProperties;
import org.springframework.stereotype.Component;

/**
 * Turns a client's spec into a normalized spec (every default written out, so a stored job says exactly what
 * it trained with) and into engine specs. Problems are collected field by field so one 400 lists them all;
 * engine constructors run afterwards as a second line of defence and their messages are mapped to the
 * closest field.
 *
 * <p>Defaults aim at scikit-learn's MLPClassifier/MLPRegressor: one hidden layer of 100 relu units, Adam at
 * 1e-3, batches of 200, 10% held out, early stopping after 10 epochs without a 1e-4 improvement. The seed
 * defaults to 42 so that two submissions of the same spec train the same model.
 */
@Component
class SpecMapper {
    static final int DEFAULT_MAX_RUNTIME_SECONDS = 86_400;
    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_RETRIES = 2;
    private static final List<String> LAYER_TYPES = List.of("dense", "batchnorm", "layernorm");
    private static final int MAX_LAYERS = 100;

    private final DatasetCatalog catalog;
    private final int maxRuntimeCeiling;

    SpecMapper(DatasetCatalog catalog, WidrowProperties properties) {
        this.catalog = catalog;
        this.maxRuntimeCeiling = properties.limits().maxRuntimeSeconds();
    }

    record Prepared(JobSpec spec, UUID datasetId, UUID validationDatasetId, EngineSpecs engine) {
    }

    record EngineSpecs(ModelSpec model, TrainingSpec training) {
    }

    /** Validates, fills defaults and checks the datasets against the caller; throws one 400 listing every problem. */
    Prepared prepare(JobSpec in, Caller caller) {
        Problems p = new Problems();
        if (in == null) {
            p.add("datasetId", "is required");
            throw p.toException();
        }
        UUID trainId = uuid(p, "datasetId", in.datasetId());
        DatasetInfo train = trainId == null ? null : visible(p, "datasetId", trainId, caller).orElse(null);
        boolean classification = train == null || train.task() == Dataset.Task.CLASSIFICATION;

        JobSpec.Model m = in.model() == null ? new JobSpec.Model(null, null, null, null, null, null) : in.model();
        String type = oneOf(p, "model.type", m.type(), ModelSpec.TYPES, "mlp");
        boolean mlp = type == null || type.equals("mlp");
        if (train != null && type != null && !mlp) {
            linearFitsData(p, type, train);
        }

        JobSpec.Validation validation = validation(p, in.validation(), mlp, train, caller);
        UUID validationId = validation.datasetId() == null ? null : UUID.fromString(validation.datasetId());
        JobSpec.Model model = model(p, m, type, mlp, classification);
        JobSpec.Training training = training(p, in.training(), type, mlp);
        Integer priority = intIn(p, "priority", in.priority(), 0, -1000, 1000);
        Integer maxRuntime = null;
        if (in.maxRuntimeSeconds() != null && in.maxRuntimeSeconds() > maxRuntimeCeiling) {
            p.add("maxRuntimeSeconds", "must be at most " + maxRuntimeCeiling
                    + " (widrow.limits.max-runtime-seconds), got " + in.maxRuntimeSeconds());
        } else {
            maxRuntime = intIn(p, "maxRuntimeSeconds", in.maxRuntimeSeconds(),
                    Math.min(DEFAULT_MAX_RUNTIME_SECONDS, maxRuntimeCeiling), 1, maxRuntimeCeiling);
        }
        Integer checkpointEvery = intIn(p, "checkpointEvery", in.checkpointEvery(), 1, 1, 100_000);
        Integer retries = intIn(p, "retries", in.retries(), DEFAULT_RETRIES, 0, 10);
        if (!p.isEmpty()) {
            throw p.toException();
        }
        JobSpec normalized = new JobSpec(trainId.toString(), validation, model, training, priority, maxRuntime,
                checkpointEvery, retries);
        EngineSpecs engine = build(normalized, p);
        if (!p.isEmpty()) {
            throw p.toException();
        }
        return new Prepared(normalized, trainId, validationId, engine);
    }

    /** Engine specs from a stored, already normalized spec: no defaults are applied here. */
    static EngineSpecs toEngine(JobSpec normalized) {
        Problems p = new Problems();
        EngineSpecs specs = build(normalized, p);
        if (!p.isEmpty()) {
            var first = p.list().get(0);
            throw new IllegalArgumentException(first.field() + ": " + first.message());
        }
        return specs;
    }

    // ---- datasets ----

    private Optional<DatasetInfo> visible(Problems p, String field, UUID id, Caller caller) {
        Optional<DatasetInfo> info = catalog.find(id, caller);
        if (info.isEmpty()) {
            p.add(field, "dataset " + id + " not found");
        }
        return info;
    }

    private static void linearFitsData(Problems p, String type, DatasetInfo train) {
        if (train.task() == Dataset.Task.CLASSIFICATION && train.classes().size() != 2) {
            p.add("model.type", type + " needs a dataset with exactly 2 classes, this one has " + train.classes().size());
        }
        if (type.equals("perceptron") && train.task() == Dataset.Task.REGRESSION) {
            p.add("model.type", "perceptron needs a classification dataset; use adaline or mlp for regression");
        }
    }

    private JobSpec.Validation validation(Problems p, JobSpec.Validation v, boolean mlp, DatasetInfo train, Caller caller) {
        if (v != null && v.datasetId() != null) {
            if (v.split() != null) {
                p.add("validation", "give either datasetId or split, not both");
            }
            UUID id = uuid(p, "validation.datasetId", v.datasetId());
            DatasetInfo val = id == null ? null : visible(p, "validation.datasetId", id, caller).orElse(null);
            if (val != null && train != null) {
                if (val.features() != train.features()) {
                    p.add("validation.datasetId", "has " + val.features() + " features but the training dataset has "
                            + train.features());
                }
                if (val.task() != train.task()) {
                    p.add("validation.datasetId", "is a " + task(val) + " dataset but the training dataset is "
                            + task(train));
                }
            }
            return new JobSpec.Validation(id == null ? null : id.toString(), null);
        }
        Double split = v == null ? null : v.split();
        if (split == null) {
            split = mlp ? 0.1 : 0.0;
        } else if (!(split >= 0 && split < 1)) {
            p.add("validation.split", "must be in [0, 1), got " + split);
        }
        return new JobSpec.Validation(null, split);
    }

    private static String task(DatasetInfo d) {
        return d.task().name().toLowerCase(Locale.ROOT);
    }

    // ---- model ----

    private static JobSpec.Model model(Problems p, JobSpec.Model m, String type, boolean mlp, boolean classification) {
        String featureMap = oneOf(p, "model.featureMap", m.featureMap(), FeatureMap.NAMES, "none");
        boolean standardize = m.standardize() == null ? mlp : m.standardize();
        List<JobSpec.Layer> layers = null;
        JobSpec.Output output = null;
        Double threshold = null;
        if (mlp) {
            layers = layers(p, m.layers());
            output = output(p, m.output(), classification);
        } else {
            if (m.layers() != null && !m.layers().isEmpty()) {
                p.add("model.layers", "only an mlp has hidden layers");
            }
            if (m.output() != null) {
                p.add("model.output", "only an mlp has an output layer");
            }
        }
        if ("adaline".equals(type)) {
            threshold = finite(p, "model.threshold", m.threshold(), 0.5);
        } else if (m.threshold() != null) {
            p.add("model.threshold", "only adaline has a decision threshold");
        }
        return new JobSpec.Model(type, featureMap, standardize, layers, output, threshold);
    }

    private static List<JobSpec.Layer> layers(Problems p, List<JobSpec.Layer> given) {
        if (given == null) {
            // scikit-learn's hidden_layer_sizes=(100,) with relu; He init suits relu.
            return List.of(new JobSpec.Layer("dense", 100, "relu", null, "he_normal", null, null, null));
        }
        if (given.size() > MAX_LAYERS) {
            p.add("model.layers", "at most " + MAX_LAYERS + " layers, got " + given.size());
            return given;
        }
        List<JobSpec.Layer> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "model.layers[" + i + "]";
            JobSpec.Layer l = given.get(i);
            if (l == null) {
                p.add(path, "must be an object");
                continue;
            }
            String type = oneOf(p, path + ".type", l.type(), LAYER_TYPES, "dense");
            if (type == null) {
                continue;
            }
            switch (type) {
                case "dense" -> {
                    notFor(p, path, "dense", "momentum", l.momentum());
                    notFor(p, path, "dense", "epsilon", l.epsilon());
                    Integer units = l.units();
                    if (units == null) {
                        p.add(path + ".units", "is required");
                    } else if (units < 1 || units > 100_000) {
                        p.add(path + ".units", "must be in [1, 100000], got " + units);
                    }
                    String act = oneOf(p, path + ".activation", l.activation(), Activations.NAMES, "relu");
                    boolean reluish = "relu".equals(act) || "leaky_relu".equals(act);
                    String init = oneOf(p, path + ".init", l.init(), Initializers.NAMES,
                            reluish ? "he_normal" : "xavier_normal");
                    Double alpha = "leaky_relu".equals(act) ? atLeast(p, path + ".alpha", l.alpha(), DenseSpec.DEFAULT_ALPHA, 0)
                            : l.alpha();
                    Double initValue = "constant".equals(init) ? finite(p, path + ".initValue", l.initValue(), 0.0)
                            : l.initValue();
                    out.add(new JobSpec.Layer("dense", units, act, alpha, init, initValue, null, null));
                }
                case "batchnorm" -> {
                    notForNorm(p, path, "batchnorm", l);
                    Double momentum = unit(p, path + ".momentum", l.momentum(), 0.9);
                    Double eps = above(p, path + ".epsilon", l.epsilon(), 1e-5, 0);
                    out.add(new JobSpec.Layer("batchnorm", null, null, null, null, null, momentum, eps));
                }
                default -> {
                    notForNorm(p, path, "layernorm", l);
                    notFor(p, path, "layernorm", "momentum", l.momentum());
                    Double eps = above(p, path + ".epsilon", l.epsilon(), 1e-5, 0);
                    out.add(new JobSpec.Layer("layernorm", null, null, null, null, null, null, eps));
                }
            }
        }
        return out;
    }

    private static void notForNorm(Problems p, String path, String type, JobSpec.Layer l) {
        notFor(p, path, type, "units", l.units());
        notFor(p, path, type, "activation", l.activation());
        notFor(p, path, type, "init", l.init());
        notFor(p, path, type, "alpha", l.alpha());
        notFor(p, path, type, "initValue", l.initValue());
    }

    private static void notFor(Problems p, String path, String type, String field, Object value) {
        if (value != null) {
            p.add(path + "." + field, "does not apply to a " + type + " layer");
        }
    }

    private static JobSpec.Output output(Problems p, JobSpec.Output o, boolean classification) {
        JobSpec.Output given = o == null ? new JobSpec.Output(null, null, null, null) : o;
        String act = oneOf(p, "model.output.activation", given.activation(), Activations.NAMES, null);
        String loss = oneOf(p, "model.output.loss", given.loss(), Losses.NAMES, null);
        if (act == null && given.activation() == null) {
            act = loss == null ? (classification ? "softmax" : "identity") : switch (loss) {
                case "cross_entropy" -> "softmax";
                case "binary_cross_entropy" -> "sigmoid";
                default -> "identity";
            };
        }
        if (loss == null && given.loss() == null && act != null) {
            loss = switch (act) {
                case "softmax" -> classification ? "cross_entropy" : "mse";
                case "sigmoid" -> classification ? "binary_cross_entropy" : "mse";
                default -> "mse";
            };
        }
        if (!classification && loss != null && loss.contains("cross_entropy")) {
            p.add("model.output.loss", "'" + loss + "' is for classification; this is a regression dataset, use mse");
        } else if (act != null && loss != null) {
            try {
                Losses.requireCompatible(loss, act);
            } catch (IllegalArgumentException e) {
                p.add("model.output.loss", e.getMessage());
            }
        }
        String init = oneOf(p, "model.output.init", given.init(), Initializers.NAMES, "xavier_normal");
        Integer units = given.units();
        if (units != null && units < 0) {
            p.add("model.output.units", "must be >= 0 (0 = inferred from the data), got " + units);
        }
        return new JobSpec.Output(units, act, loss, init);
    }

    // ---- training ----

    private static JobSpec.Training training(Problems p, JobSpec.Training t, String type, boolean mlp) {
        JobSpec.Training g = t == null
                ? new JobSpec.Training(null, null, null, null, null, null, null, null, null, null) : t;
        Integer epochs = intIn(p, "training.epochs", g.epochs(), mlp ? 200 : 100, 1, 100_000);
        // 200 is sklearn's min(200, n_samples): the engine clamps the batch to the rows it has.
        Integer batchSize = intIn(p, "training.batchSize", g.batchSize(), mlp ? 200 : 1, 0, 10_000_000);
        Integer baseBatchSize = intIn(p, "training.baseBatchSize", g.baseBatchSize(), 0, 0, 10_000_000);
        boolean shuffle = g.shuffle() == null || g.shuffle();
        boolean stratified = g.stratified() != null && g.stratified();
        long seed = g.seed() == null ? DEFAULT_SEED : g.seed();
        JobSpec.Optimizer optimizer = optimizer(p, g.optimizer(), type, mlp);
        Double lr = optimizer.learningRate();
        JobSpec.Schedule schedule = schedule(p, g.schedule(), lr);
        JobSpec.GradientClip clip = null;
        if (g.gradientClip() != null) {
            clip = new JobSpec.GradientClip(atLeast(p, "training.gradientClip.norm", g.gradientClip().norm(), 0.0, 0),
                    atLeast(p, "training.gradientClip.value", g.gradientClip().value(), 0.0, 0));
        }
        JobSpec.EarlyStopping es = earlyStopping(p, g.earlyStopping(), mlp);
        return new JobSpec.Training(epochs, batchSize, baseBatchSize, shuffle, stratified, seed, optimizer, schedule,
                clip, es);
    }

    private static JobSpec.EarlyStopping earlyStopping(Problems p, JobSpec.EarlyStopping e, boolean mlp) {
        if (e == null) {
            return mlp ? new JobSpec.EarlyStopping(10, 1e-4, true) : null;
        }
        if (e.patience() != null && e.patience() == 0) {
            return null;
        }
        Integer patience = intIn(p, "training.earlyStopping.patience", e.patience(), 10, 0, 100_000);
        Double minDelta = atLeast(p, "training.earlyStopping.minDelta", e.minDelta(), 1e-4, 0);
        boolean restore = e.restoreBest() == null || e.restoreBest();
        return new JobSpec.EarlyStopping(patience, minDelta, restore);
    }

    private static JobSpec.Optimizer optimizer(Problems p, JobSpec.Optimizer o, String modelType, boolean mlp) {
        JobSpec.Optimizer g = o == null
                ? new JobSpec.Optimizer(null, null, null, null, null, null, null, null, null, null, null) : o;
        String f = "training.optimizer.";
        String type = oneOf(p, f + "type", g.type(), OptimizerSpec.TYPES, mlp ? "adam" : "sgd");
        double defaultLr;
        if ("perceptron".equals(modelType)) {
            defaultLr = 0.1;
        } else if ("adaline".equals(modelType)) {
            defaultLr = 0.01;
        } else {
            defaultLr = "adam".equals(type) || "rmsprop".equals(type) ? 1e-3 : 0.01;
        }
        Double lr = above(p, f + "learningRate", g.learningRate(), defaultLr, 0);
        Double weightDecay = atLeast(p, f + "weightDecay", g.weightDecay(), 0.0, 0);
        boolean usesMomentum = "momentum".equals(type) || "nesterov".equals(type);
        boolean adam = "adam".equals(type);
        boolean rms = "rmsprop".equals(type);
        Double momentum = usesMomentum ? unit(p, f + "momentum", g.momentum(), 0.9) : g.momentum();
        Double beta1 = adam ? unit(p, f + "beta1", g.beta1(), 0.9) : g.beta1();
        Double beta2 = adam ? unit(p, f + "beta2", g.beta2(), 0.999) : g.beta2();
        Double eps = adam || rms || "adagrad".equals(type) ? above(p, f + "epsilon", g.epsilon(), 1e-8, 0) : g.epsilon();
        Double rho = rms ? unit(p, f + "rho", g.rho(), 0.9) : g.rho();
        Double initialMomentum = g.initialMomentum() == null ? null : unit(p, f + "initialMomentum", g.initialMomentum(), 0.5);
        Integer switchEpoch = g.momentumSwitchEpoch() == null ? null
                : intIn(p, f + "momentumSwitchEpoch", g.momentumSwitchEpoch(), -1, -1, 1_000_000);
        Double switchThreshold = g.momentumSwitchThreshold() == null ? null
                : atLeast(p, f + "momentumSwitchThreshold", g.momentumSwitchThreshold(), 0.0, 0);
        if (initialMomentum != null && switchEpoch == null && switchThreshold == null) {
            p.add(f + "initialMomentum", "needs momentumSwitchEpoch or momentumSwitchThreshold");
        }
        return new JobSpec.Optimizer(type, lr, momentum, weightDecay, beta1, beta2, eps, rho, initialMomentum,
                switchEpoch, switchThreshold);
    }

    private static JobSpec.Schedule schedule(Problems p, JobSpec.Schedule s, Double lr) {
        JobSpec.Schedule g = s == null ? new JobSpec.Schedule(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null) : s;
        String f = "training.schedule.";
        String type = oneOf(p, f + "type", g.type(), ScheduleSpec.TYPES, "constant");
        Integer warmup = intIn(p, f + "warmupSteps", g.warmupSteps(), 0, 0, 100_000_000);
        Double gamma = null, a = null, b = null, factor = null, threshold = null, minLr = null, periodMult = null,
                maxLr = null;
        Integer stepEpochs = null, patience = null, period = null, cycleSteps = null;
        if (type == null) {
            return g;
        }
        switch (type) {
            case "step" -> {
                gamma = finite(p, f + "gamma", g.gamma(), 0.5);
                if (gamma != null && !(gamma > 0 && gamma <= 1)) {
                    p.add(f + "gamma", "must be in (0, 1], got " + gamma);
                }
                stepEpochs = intIn(p, f + "stepEpochs", g.stepEpochs(), 10, 1, 1_000_000);
            }
            case "inverse_time" -> {
                a = atLeast(p, f + "a", g.a(), 0.0, 0);
                b = above(p, f + "b", g.b(), 1.0, 0);
            }
            case "plateau" -> {
                factor = finite(p, f + "factor", g.factor(), 0.1);
                if (factor != null && !(factor > 0 && factor < 1)) {
                    p.add(f + "factor", "must be in (0, 1), got " + factor);
                }
                patience = intIn(p, f + "patience", g.patience(), 10, 0, 1_000_000);
                threshold = atLeast(p, f + "threshold", g.threshold(), 1e-4, 0);
                minLr = minLearningRate(p, f, g.minLearningRate(), lr);
            }
            case "cosine" -> {
                period = intIn(p, f + "period", g.period(), 0, 0, 1_000_000);
                periodMult = atLeast(p, f + "periodMultiplier", g.periodMultiplier(), 1.0, 1);
                minLr = minLearningRate(p, f, g.minLearningRate(), lr);
            }
            case "cyclic" -> {
                maxLr = g.maxLearningRate();
                if (maxLr == null) {
                    p.add(f + "maxLearningRate", "is required for a cyclic schedule");
                } else if (!Double.isFinite(maxLr) || lr != null && !(maxLr > lr)) {
                    p.add(f + "maxLearningRate", "must be > the learning rate " + lr + ", got " + maxLr);
                }
                cycleSteps = g.cycleSteps();
                if (cycleSteps == null) {
                    p.add(f + "cycleSteps", "is required for a cyclic schedule");
                } else if (cycleSteps < 1) {
                    p.add(f + "cycleSteps", "must be >= 1, got " + cycleSteps);
                }
            }
            default -> {
            }
        }
        return new JobSpec.Schedule(type, warmup, gamma, stepEpochs, a, b, factor, patience, threshold, minLr, period,
                periodMult, maxLr, cycleSteps);
    }

    private static Double minLearningRate(Problems p, String f, Double given, Double lr) {
        Double min = atLeast(p, f + "minLearningRate", given, 0.0, 0);
        if (min != null && lr != null && min > lr) {
            p.add(f + "minLearningRate", "must be <= the learning rate " + lr + ", got " + min);
        }
        return min;
    }

    // ---- engine specs ----

    private static EngineSpecs build(JobSpec n, Problems p) {
        JobSpec.Model m = n.model();
        ModelSpec model = null;
        List<LayerSpec> layers = new ArrayList<>();
        List<JobSpec.Layer> given = m.layers() == null ? List.of() : m.layers();
        for (int i = 0; i < given.size(); i++) {
            JobSpec.Layer l = given.get(i);
            String path = "model.layers[" + i + "]";
            try {
                layers.add(switch (l.type()) {
                    case "batchnorm" -> new BatchNormSpec(l.momentum(), l.epsilon());
                    case "layernorm" -> new LayerNormSpec(l.epsilon());
                    default -> new DenseSpec(l.units(), l.activation(), or(l.alpha(), DenseSpec.DEFAULT_ALPHA), l.init(),
                            or(l.initValue(), 0.0));
                });
            } catch (IllegalArgumentException | NullPointerException e) {
                p.add(Problems.fieldOf(e.getMessage(), path, path, "units", "activation", "alpha", "init", "initValue",
                        "momentum", "epsilon"), message(e));
            }
        }
        OutputSpec output = null;
        if (m.output() != null) {
            JobSpec.Output o = m.output();
            try {
                output = new OutputSpec(o.units() == null ? 0 : o.units(), o.activation(), o.loss(), o.init());
            } catch (IllegalArgumentException | NullPointerException e) {
                p.add(Problems.fieldOf(e.getMessage(), "model.output", "model.output.loss", "units", "init"), message(e));
            }
        }
        try {
            model = new ModelSpec(m.type(), m.featureMap(), Boolean.TRUE.equals(m.standardize()), layers, output,
                    or(m.threshold(), 0.0));
        } catch (IllegalArgumentException | NullPointerException e) {
            p.add(Problems.fieldOf(e.getMessage(), "model", "model", "type", "featureMap", "threshold", "output"),
                    message(e));
        }

        JobSpec.Training t = n.training();
        OptimizerSpec optimizer = null;
        try {
            JobSpec.Optimizer o = t.optimizer();
            OptimizerSpec d = OptimizerSpec.of(o.type(), o.learningRate());
            optimizer = new OptimizerSpec(o.type(), o.learningRate(), or(o.momentum(), d.momentum()),
                    or(o.initialMomentum(), Double.NaN), o.momentumSwitchEpoch() == null ? -1 : o.momentumSwitchEpoch(),
                    or(o.momentumSwitchThreshold(), Double.NaN), or(o.beta1(), d.beta1()), or(o.beta2(), d.beta2()),
                    or(o.epsilon(), d.epsilon()), or(o.rho(), d.rho()), or(o.weightDecay(), 0.0));
        } catch (IllegalArgumentException | NullPointerException e) {
            p.add(Problems.fieldOf(e.getMessage(), "training.optimizer", "training.optimizer", "type", "learningRate",
                    "momentum", "initialMomentum", "momentumSwitchEpoch", "momentumSwitchThreshold", "beta1", "beta2",
                    "epsilon", "rho", "weightDecay"), message(e));
        }
        ScheduleSpec schedule = null;
        try {
            JobSpec.Schedule s = t.schedule();
            ScheduleSpec d = ScheduleSpec.constant();
            schedule = new ScheduleSpec(s.type(), or(s.warmupSteps(), 0), or(s.gamma(), d.gamma()),
                    or(s.stepEpochs(), d.stepEpochs()), or(s.a(), d.a()), or(s.b(), d.b()), or(s.factor(), d.factor()),
                    or(s.patience(), d.patience()), or(s.threshold(), d.threshold()),
                    or(s.minLearningRate(), d.minLearningRate()), or(s.period(), d.period()),
                    or(s.periodMultiplier(), d.periodMultiplier()), or(s.maxLearningRate(), d.maxLearningRate()),
                    or(s.cycleSteps(), d.cycleSteps()));
        } catch (IllegalArgumentException | NullPointerException e) {
            p.add(Problems.fieldOf(e.getMessage(), "training.schedule", "training.schedule", "type", "warmupSteps",
                    "gamma", "stepEpochs", "a ", "b ", "factor", "patience", "threshold", "minLearningRate", "period",
                    "periodMultiplier", "maxLearningRate", "cycleSteps").replace(" ", ""), message(e));
        }
        GradientClipSpec clip = GradientClipSpec.NONE;
        if (t.gradientClip() != null) {
            try {
                clip = new GradientClipSpec(or(t.gradientClip().norm(), 0.0), or(t.gradientClip().value(), 0.0));
            } catch (IllegalArgumentException e) {
                p.add(Problems.fieldOf(e.getMessage(), "training.gradientClip", "training.gradientClip", "norm", "value"),
                        message(e));
            }
        }
        EarlyStoppingSpec es = null;
        if (t.earlyStopping() != null) {
            try {
                es = new EarlyStoppingSpec(t.earlyStopping().patience(), t.earlyStopping().minDelta(),
                        Boolean.TRUE.equals(t.earlyStopping().restoreBest()));
            } catch (IllegalArgumentException | NullPointerException e) {
                p.add(Problems.fieldOf(e.getMessage(), "training.earlyStopping", "training.earlyStopping", "patience",
                        "minDelta"), message(e));
            }
        }
        TrainingSpec training = null;
        if (optimizer != null && schedule != null) {
            double split = n.validation() == null || n.validation().split() == null ? 0 : n.validation().split();
            try {
                training = new TrainingSpec(t.epochs(), t.batchSize(), Boolean.TRUE.equals(t.shuffle()),
                        Boolean.TRUE.equals(t.stratified()), t.seed(), optimizer, schedule, clip, es, split,
                        t.baseBatchSize());
            } catch (IllegalArgumentException | NullPointerException e) {
                String field = Problems.fieldOf(e.getMessage(), "training", "training", "epochs", "batchSize",
                        "baseBatchSize");
                p.add(e.getMessage() != null && e.getMessage().contains("validation split") ? "validation.split" : field,
                        message(e));
            }
        }
        return new EngineSpecs(model, training);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? "is invalid" : e.getMessage();
    }

    // ---- field helpers: each reports against its own path and returns null when invalid ----

    private static UUID uuid(Problems p, String field, String value) {
        if (value == null || value.isBlank()) {
            p.add(field, "is required");
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            p.add(field, "must be a UUID, got '" + value + "'");
            return null;
        }
    }

    private static String oneOf(Problems p, String field, String value, List<String> allowed, String dflt) {
        if (value == null) {
            return dflt;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            p.add(field, "must be one of " + allowed + ", got '" + value + "'");
            return null;
        }
        return v;
    }

    private static Integer intIn(Problems p, String field, Integer value, int dflt, int min, int max) {
        int v = value == null ? dflt : value;
        if (v < min || v > max) {
            p.add(field, "must be in [" + min + ", " + max + "], got " + v);
            return null;
        }
        return v;
    }

    private static Double finite(Problems p, String field, Double value, double dflt) {
        double v = value == null ? dflt : value;
        if (!Double.isFinite(v)) {
            p.add(field, "must be finite, got " + v);
            return null;
        }
        return v;
    }

    private static Double atLeast(Problems p, String field, Double value, double dflt, double min) {
        double v = value == null ? dflt : value;
        if (!(v >= min) || Double.isInfinite(v)) {
            p.add(field, "must be >= " + min + ", got " + v);
            return null;
        }
        return v;
    }

    private static Double above(Problems p, String field, Double value, double dflt, double min) {
        double v = value == null ? dflt : value;
        if (!(v > min) || Double.isInfinite(v)) {
            p.add(field, "must be > " + min + ", got " + v);
            return null;
        }
        return v;
    }

    /** [0, 1): momentum-like coefficients. */
    private static Double unit(Problems p, String field, Double value, double dflt) {
        double v = value == null ? dflt : value;
        if (!(v >= 0 && v < 1)) {
            p.add(field, "must be in [0, 1), got " + v);
            return null;
        }
        return v;
    }

    private static double or(Double v, double dflt) {
        return v == null ? dflt : v;
    }

    private static int or(Integer v, int dflt) {
        return v == null ? dflt : v;
    }
}
