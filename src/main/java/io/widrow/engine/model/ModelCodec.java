package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.features.Standardizer;
import io.widrow.engine.io.Json;
import io.widrow.engine.nn.Dense;
import io.widrow.engine.nn.Layer;
import io.widrow.engine.nn.Network;
import io.widrow.engine.nn.NetworkBuilder;
import io.widrow.engine.nn.Parameter;
import io.widrow.engine.tensor.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved-model format: one self-describing JSON document (format name, version, spec, feature
 * names, classes, standardization statistics and every parameter and buffer by layer). Floats are
 * written in their shortest exact form, so a model round-trips bit-identically. Readers accept every
 * version up to {@link #VERSION}; a frozen version-1 fixture in the tests keeps that promise honest.
 */
public final class ModelCodec {
    public static final String FORMAT = "widrow-model";
    public static final int VERSION = 1;

    private ModelCodec() {
    }

    public static String write(TrainedModel model) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("task", model.task().name().toLowerCase());
        doc.put("spec", SpecJson.toJson(model.spec()));
        doc.put("featureNames", List.of(model.featureNames()));
        doc.put("classes", List.of(model.classes()));
        doc.put("outputs", model.outputs());
        doc.put("architecture", model.architecture());
        Standardizer st = model.standardizer();
        if (st != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("mean", st.means());
            s.put("std", st.stds());
            doc.put("standardization", s);
        }
        if (model.network() != null) {
            doc.put("network", networkJson(model.network()));
        } else {
            LinearWeights lw = model.linear();
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("weights", lw.weights());
            l.put("bias", lw.bias());
            l.put("threshold", lw.threshold());
            doc.put("linear", l);
        }
        return Json.write(doc);
    }

    private static Map<String, Object> networkJson(Network net) {
        List<Object> layers = new ArrayList<>();
        for (Layer layer : net.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("kind", layer.kind());
            l.put("inputs", layer.inputSize());
            l.put("outputs", layer.outputSize());
            if (!layer.parameters().isEmpty()) {
                l.put("parameters", tensors(layer));
            }
            if (!layer.buffers().isEmpty()) {
                l.put("buffers", tensors(layer.buffers()));
            }
            layers.add(l);
        }
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("inputs", net.inputSize());
        n.put("outputActivation", net.outputActivation().name());
        n.put("loss", net.loss().name());
        n.put("layers", layers);
        return n;
    }

    /** A dense layer's W is written (out × in), whatever layout the layer computes with. */
    private static Map<String, Object> tensors(Layer layer) {
        Map<String, Object> m = tensors(layer.parameters());
        if (layer instanceof Dense d) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("shape", new int[] {d.outputSize(), d.inputSize()});
            t.put("values", d.weightsOutByIn());
            m.put(d.weights().name(), t);
        }
        return m;
    }

    private static Map<String, Object> tensors(List<Parameter> ps) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Parameter p : ps) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("shape", new int[] {p.rows(), p.cols()});
            t.put("values", p.value());
            m.put(p.name(), t);
        }
        return m;
    }

    /** Reads a model; a document that is not a Widrow model, or is damaged, throws IllegalArgumentException. */
    public static TrainedModel read(String json) {
        Map<String, Object> doc = SpecJson.object(Json.parse(json), "model");
        if (!FORMAT.equals(doc.get("format"))) {
            throw new IllegalArgumentException("not a Widrow model: format is " + doc.get("format"));
        }
        int version = SpecJson.intField(doc, "version");
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("model format version " + version + " is not supported (this build reads 1.." + VERSION + ")");
        }
        ModelSpec spec = SpecJson.modelSpec(SpecJson.object(doc.get("spec"), "spec"));
        Dataset.Task task = Dataset.Task.valueOf(SpecJson.string(doc, "task").toUpperCase());
        String[] featureNames = SpecJson.strings(doc.get("featureNames"), "featureNames");
        String[] classes = SpecJson.strings(doc.get("classes"), "classes");
        int outputs = SpecJson.intField(doc, "outputs");
        Standardizer standardizer = null;
        if (doc.get("standardization") != null) {
            Map<String, Object> s = SpecJson.object(doc.get("standardization"), "standardization");
            standardizer = new Standardizer(SpecJson.doubles(s.get("mean"), "standardization.mean"),
                    SpecJson.doubles(s.get("std"), "standardization.std"));
        }
        if (doc.get("network") != null) {
            Map<String, Object> n = SpecJson.object(doc.get("network"), "network");
            int inputs = SpecJson.intField(n, "inputs");
            Network net = NetworkBuilder.build(spec.layers(), spec.output(), inputs, outputs, new Rng(0));
            List<Object> layers = SpecJson.list(n.get("layers"), "network.layers");
            if (layers.size() != net.layers().size()) {
                throw new IllegalArgumentException("network.layers has " + layers.size()
                        + " entries but the spec builds " + net.layers().size());
            }
            for (int i = 0; i < layers.size(); i++) {
                Map<String, Object> l = SpecJson.object(layers.get(i), "network.layers[" + i + "]");
                Layer layer = net.layers().get(i);
                load(layer.parameters(), l.get("parameters"), "network.layers[" + i + "].parameters");
                if (layer instanceof Dense d) {
                    // Files hold W (out × in); load() copied it verbatim into the transposed kernel.
                    d.setWeightsOutByIn(d.weights().value().clone());
                }
                load(layer.buffers(), l.get("buffers"), "network.layers[" + i + "].buffers");
            }
            return new TrainedModel(spec, task, featureNames, classes, outputs, standardizer, net, null);
        }
        Map<String, Object> l = SpecJson.object(doc.get("linear"), "linear");
        LinearWeights lw = new LinearWeights(SpecJson.floats(l.get("weights"), "linear.weights"),
                SpecJson.number(l, "bias").floatValue(),
                l.get("threshold") == null ? Double.NaN : SpecJson.number(l, "threshold").doubleValue());
        return new TrainedModel(spec, task, featureNames, classes, outputs, standardizer, null, lw);
    }

    private static void load(List<Parameter> targets, Object json, String where) {
        if (targets.isEmpty()) {
            return;
        }
        Map<String, Object> m = SpecJson.object(json, where);
        for (Parameter p : targets) {
            Map<String, Object> t = SpecJson.object(m.get(p.name()), where + "." + p.name());
            float[] values = SpecJson.floats(t.get("values"), where + "." + p.name() + ".values");
            if (values.length != p.size()) {
                throw new IllegalArgumentException(where + "." + p.name() + " has " + values.length
                        + " values, expected " + p.size());
            }
            System.arraycopy(values, 0, p.value(), 0, values.length);
        }
    }
}
