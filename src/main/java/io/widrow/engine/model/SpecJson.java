package io.widrow.engine.model;

import io.widrow.engine.nn.BatchNormSpec;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerNormSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Model specs to and from the JSON tree of {@link Json}, with errors that name the field. */
final class SpecJson {
    private SpecJson() {
    }

    static Map<String, Object> toJson(ModelSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", spec.type());
        m.put("featureMap", spec.featureMap());
        m.put("standardize", spec.standardize());
        List<Object> layers = new ArrayList<>();
        for (LayerSpec l : spec.layers()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("type", l.type());
            if (l instanceof DenseSpec d) {
                j.put("units", d.units());
                j.put("activation", d.activation());
                j.put("alpha", d.alpha());
                j.put("init", d.init());
                j.put("initValue", d.initValue());
            } else if (l instanceof BatchNormSpec b) {
                j.put("momentum", b.momentum());
                j.put("epsilon", b.epsilon());
            } else if (l instanceof LayerNormSpec n) {
                j.put("epsilon", n.epsilon());
            }
            layers.add(j);
        }
        m.put("layers", layers);
        if (spec.output() != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("units", spec.output().units());
            o.put("activation", spec.output().activation());
            o.put("loss", spec.output().loss());
            o.put("init", spec.output().init());
            m.put("output", o);
        }
        m.put("threshold", spec.threshold());
        return m;
    }

    static ModelSpec modelSpec(Map<String, Object> m) {
        List<LayerSpec> layers = new ArrayList<>();
        List<Object> ls = list(m.get("layers"), "spec.layers");
        for (int i = 0; i < ls.size(); i++) {
            Map<String, Object> j = object(ls.get(i), "spec.layers[" + i + "]");
            String type = string(j, "type");
            switch (type) {
                case "dense" -> layers.add(new DenseSpec(intField(j, "units"), string(j, "activation"),
                        number(j, "alpha").doubleValue(), string(j, "init"), number(j, "initValue").doubleValue()));
                case "batchnorm" -> layers.add(new BatchNormSpec(number(j, "momentum").doubleValue(),
                        number(j, "epsilon").doubleValue()));
                case "layernorm" -> layers.add(new LayerNormSpec(number(j, "epsilon").doubleValue()));
                default -> throw new IllegalArgumentException("spec.layers[" + i + "].type '" + type + "' is unknown");
            }
        }
        OutputSpec output = null;
        if (m.get("output") != null) {
            Map<String, Object> o = object(m.get("output"), "spec.output");
            output = new OutputSpec(intField(o, "units"), string(o, "activation"), string(o, "loss"), string(o, "init"));
        }
        Object standardize = m.get("standardize");
        return new ModelSpec(string(m, "type"), string(m, "featureMap"), Boolean.TRUE.equals(standardize), layers,
                output, number(m, "threshold").doubleValue());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o, String where) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String where) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException(where + " must be a JSON array");
        }
        return (List<Object>) o;
    }

    static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + " must be a string, got " + v);
        }
        return s;
    }

    static Number number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(key + " must be a number, got " + v);
        }
        return n;
    }

    static int intField(Map<String, Object> m, String key) {
        return number(m, key).intValue();
    }

    static String[] strings(Object o, String where) {
        List<Object> l = list(o, where);
        String[] out = new String[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = String.valueOf(l.get(i));
        }
        return out;
    }

    static double[] doubles(Object o, String where) {
        List<Object> l = list(o, where);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(where + "[" + i + "] must be a number, got " + l.get(i));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    static float[] floats(Object o, String where) {
        List<Object> l = list(o, where);
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(where + "[" + i + "] must be a number, got " + l.get(i));
            }
            out[i] = n.floatValue();
        }
        return out;
    }
}
