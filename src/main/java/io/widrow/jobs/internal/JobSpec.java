package io.widrow.jobs.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The job spec as clients send it and as it is stored once normalized. Every field is boxed so "absent"
 * can be told from a value and filled with a default; the normalized form leaves a field null only when it
 * does not apply (e.g. {@code alpha} for a relu layer, {@code earlyStopping} when off).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What to train and how; only datasetId is required", example = """
        {"datasetId": "0b6c3c5e-8d1e-4f4e-9d55-4c1e3b9a7f10",
         "validation": {"split": 0.2},
         "model": {"type": "mlp", "featureMap": "none", "standardize": true,
                   "layers": [{"units": 32, "activation": "relu", "init": "he_normal"}, {"type": "batchnorm"}],
                   "output": {"activation": "softmax", "loss": "cross_entropy", "init": "xavier_normal"}},
         "training": {"epochs": 50, "batchSize": 128, "shuffle": true, "seed": 42,
                      "optimizer": {"type": "adam", "learningRate": 0.001},
                      "schedule": {"type": "cosine", "warmupSteps": 100},
                      "gradientClip": {"norm": 5.0},
                      "earlyStopping": {"patience": 5, "minDelta": 0.0001, "restoreBest": true}},
         "priority": 0, "maxRuntimeSeconds": 3600, "checkpointEvery": 1, "retries": 2}""")
record JobSpec(
        @Schema(description = "training dataset id", requiredMode = Schema.RequiredMode.REQUIRED) String datasetId,
        @Schema(description = "a separate validation dataset or a held-out split (mlp default: split 0.1)") Validation validation,
        Model model,
        Training training,
        @Schema(description = "Queue order, -1000..1000: a higher priority runs before any lower one that has waited less than a day; equal priorities run in submission order", example = "0") Integer priority,
        @Schema(description = "the job fails once it has trained this long (default 86400)", example = "3600") Integer maxRuntimeSeconds,
        @Schema(description = "save the training state every this many epochs (default 1), so a job whose node dies or stops resumes from there", example = "1") Integer checkpointEvery,
        @Schema(description = "how often a run that fails with an unexpected error is retried from its checkpoint (0..10, default 2); a diverging run is never retried", example = "2") Integer retries) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Validation(String datasetId, @Schema(description = "fraction in [0, 1) held out; 0 = none") Double split) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Model(@Schema(allowableValues = {"mlp", "perceptron", "adaline"}) String type,
                 @Schema(allowableValues = {"none", "interactions", "poly2"}) String featureMap,
                 Boolean standardize, List<Layer> layers, Output output,
                 @Schema(description = "ADALINE decision threshold") Double threshold) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Layer(@Schema(allowableValues = {"dense", "batchnorm", "layernorm"}, defaultValue = "dense") String type,
                 Integer units, String activation,
                 @Schema(description = "leaky_relu slope") Double alpha, String init,
                 @Schema(description = "value for the constant initializer") Double initValue,
                 @Schema(description = "batchnorm running-average momentum") Double momentum,
                 @Schema(description = "batchnorm/layernorm epsilon") Double epsilon) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Output(@Schema(description = "0 or absent = inferred from the data") Integer units, String activation,
                  String loss, String init) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Training(Integer epochs,
                    @Schema(description = "1 = online, 0 = full batch") Integer batchSize,
                    @Schema(description = "linear scaling rule: lr × batchSize / baseBatchSize; 0 = off") Integer baseBatchSize,
                    Boolean shuffle, Boolean stratified, Long seed, Optimizer optimizer, Schedule schedule,
                    GradientClip gradientClip,
                    @Schema(description = "absent in a normalized spec = off; patience 0 switches it off") EarlyStopping earlyStopping) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Optimizer(@Schema(allowableValues = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad"}) String type,
                     Double learningRate, Double momentum, Double weightDecay, Double beta1, Double beta2,
                     Double epsilon, Double rho, Double initialMomentum, Integer momentumSwitchEpoch,
                     Double momentumSwitchThreshold) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schedule(@Schema(allowableValues = {"constant", "step", "inverse_time", "plateau", "cosine", "cyclic"}) String type,
                    Integer warmupSteps, Double gamma, Integer stepEpochs, Double a, Double b, Double factor,
                    Integer patience, Double threshold, Double minLearningRate, Integer period,
                    Double periodMultiplier, Double maxLearningRate, Integer cycleSteps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GradientClip(@Schema(description = "clip by global L2 norm; 0 = off") Double norm,
                        @Schema(description = "clip each component; 0 = off") Double value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EarlyStopping(Integer patience, Double minDelta, Boolean restoreBest) {
    }
}
