package io.widrow.models;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.widrow.engine.model.TrainedModel;

/**
 * A decoded model as cached on this node. Shared between requests: {@link TrainedModel#predict} is thread-safe and
 * nothing here may be mutated.
 */
public final class LoadedModel {
    private final UUID id;
    private final String ownerId;
    private final TrainedModel model;
    private final String[] featureNames;
    private final String[] classes;
    private final Map<String, Integer> featureIndex;

    public LoadedModel(UUID id, String ownerId, TrainedModel model) {
        this.id = id;
        this.ownerId = ownerId;
        this.model = model;
        this.featureNames = model.featureNames();
        this.classes = model.classes();
        Map<String, Integer> index = new HashMap<>(featureNames.length * 2);
        for (int i = 0; i < featureNames.length; i++) {
            index.putIfAbsent(featureNames[i], i);
        }
        this.featureIndex = Map.copyOf(index);
    }

    public UUID id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public TrainedModel model() {
        return model;
    }

    /** Raw input columns, in the order {@code inputs} rows must use. */
    public int inputs() {
        return featureNames.length;
    }

    /** The feature name at column {@code i}; avoids the defensive copy {@link TrainedModel#featureNames()} makes. */
    public String featureName(int i) {
        return featureNames[i];
    }

    /** Class name of output column {@code i}; avoids the defensive copy {@link TrainedModel#classes()} makes. */
    public String className(int i) {
        return classes[i];
    }

    public int classCount() {
        return classes.length;
    }

    /** Column of a feature name, or -1; computed once per load so by-name rows cost one hash lookup per value. */
    public int featureIndex(String name) {
        Integer i = featureIndex.get(name);
        return i == null ? -1 : i;
    }
}
