package io.widrow.predictions.internal;

import java.io.OutputStream;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.Prediction;
import io.widrow.models.LoadedModel;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes predictions with the streaming generator: no per-row maps or DTOs, and class names are escaped once per
 * request rather than once per row and column.
 */
final class PredictionWriter {
    private static final SerializedString PREDICTIONS = new SerializedString("predictions");
    private static final SerializedString LABEL = new SerializedString("label");
    private static final SerializedString PROBABILITIES = new SerializedString("probabilities");
    private static final SerializedString VALUE = new SerializedString("value");

    private final ObjectWriter writer;

    PredictionWriter(ObjectWriter writer) {
        this.writer = writer;
    }

    /** Writes the parts' rows in order, as one list. */
    void write(OutputStream out, LoadedModel model, Prediction... parts) {
        try (JsonGenerator g = writer.createGenerator(out)) {
            g.writeStartObject();
            g.writeName(PREDICTIONS);
            g.writeStartArray();
            if (model.model().task() == Dataset.Task.CLASSIFICATION) {
                SerializableString[] names = new SerializableString[model.classCount()];
                for (int c = 0; c < names.length; c++) {
                    names[c] = new SerializedString(model.className(c));
                }
                for (Prediction p : parts) {
                    classification(g, names, p);
                }
            } else {
                for (Prediction p : parts) {
                    regression(g, p);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void classification(JsonGenerator g, SerializableString[] names, Prediction p) {
        int cols = p.cols();
        float[] out = p.outputs();
        int[] labels = p.labels();
        for (int i = 0; i < p.rows(); i++) {
            g.writeStartObject();
            g.writeName(LABEL);
            g.writeString(names[labels[i]]);
            g.writeName(PROBABILITIES);
            g.writeStartObject();
            int off = i * cols;
            for (int c = 0; c < cols; c++) {
                g.writeName(names[c]);
                g.writeNumber(out[off + c]);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void regression(JsonGenerator g, Prediction p) {
        int cols = p.cols();
        float[] out = p.outputs();
        for (int i = 0; i < p.rows(); i++) {
            g.writeStartObject();
            g.writeName(VALUE);
            g.writeStartArray();
            int off = i * cols;
            for (int c = 0; c < cols; c++) {
                g.writeNumber(out[off + c]);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
