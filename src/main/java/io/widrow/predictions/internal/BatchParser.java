package io.widrow.predictions.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.widrow.models.LoadedModel;
import io.widrow.system.ApiException;
import io.widrow.system.JsonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a predict body token by token straight into row-major {@code float[]} blocks ({@link RowBlocks}): no
 * tree, no boxed numbers, no per-row arrays. The model is known before parsing, so rows are validated (width,
 * names, finiteness) as they stream past and the first bad value is reported with its row and column.
 */
final class BatchParser {
    private static final int MAX_LISTED_NAMES = 10;

    private final ObjectReader reader;
    private final int maxRows;
    private final long maxValues;

    BatchParser(JsonMapper json, int maxRows, long maxValues) {
        // NaN/Infinity literals are accepted by the tokenizer only so they can be rejected with row and column.
        // The fast number parser halves the time of a 1,000-row batch, most of which is reading numbers.
        this.reader = json.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .with(tools.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER);
        this.maxRows = maxRows;
        this.maxValues = maxValues;
    }

    RowBlocks parse(InputStream body, LoadedModel model) {
        JsonParser parser = null;
        try (JsonParser p = reader.createParser(body)) {
            parser = p;
            return parse(p, model);
        } catch (JacksonException e) {
            // Includes StreamConstraintsException (nesting deeper than Jackson allows), which is no StreamReadException.
            String why = JsonErrors.describe(e, parser == null ? null : parser.currentLocation());
            throw ApiException.badRequest((JsonErrors.isReaderLimit(e) ? "The request body exceeds a JSON reader limit"
                    : "The request body is not valid JSON") + why + ".");
        }
    }

    private RowBlocks parse(JsonParser p, LoadedModel model) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw ApiException.badRequest("The request body must be a JSON object with either 'inputs' or 'rows'.");
        }
        RowBlocks batch = null;
        String seen = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            if (!"inputs".equals(name) && !"rows".equals(name)) {
                throw ApiException.badRequest("Unknown field '" + name + "'; send either 'inputs' or 'rows'.",
                        List.of(new ApiException.FieldProblem(name, "unknown field")));
            }
            if (seen != null) {
                throw bothOrNeither();
            }
            seen = name;
            p.nextToken();
            batch = name.equals("inputs") ? inputs(p, model) : rows(p, model);
        }
        if (batch == null) {
            throw bothOrNeither();
        }
        return batch;
    }

    private static ApiException bothOrNeither() {
        return ApiException.badRequest("Send exactly one of 'inputs' (arrays of values in feature order) or "
                + "'rows' (objects keyed by feature name).");
    }

    private RowBlocks inputs(JsonParser p, LoadedModel model) {
        int width = model.inputs();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw field("inputs", "'inputs' must be an array of rows, each an array of " + width + " numbers.");
        }
        RowBlocks blocks = blocks(model);
        int rows = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            checkLimits(rows + 1, width);
            if (t != JsonToken.START_ARRAY) {
                throw field("inputs[" + rows + "]", "Row " + rows + " of inputs must be an array of " + width
                        + " numbers, got " + describe(p, t) + ".");
            }
            float[] x = blocks.blockOf(rows);
            int off = blocks.offset(rows);
            int n = 0;
            for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                if (n < width) {
                    x[off + n] = number(p, v, rows, n, model, null);
                } else if (v == JsonToken.START_ARRAY || v == JsonToken.START_OBJECT) {
                    p.skipChildren();
                }
                n++;
            }
            if (n != width) {
                throw field("inputs[" + rows + "]", "Row " + rows + " of inputs has " + n + " values, expected "
                        + width + " (" + names(model, 0, width) + ").");
            }
            rows++;
        }
        return finish(blocks, rows, "inputs");
    }

    private RowBlocks rows(JsonParser p, LoadedModel model) {
        int width = model.inputs();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw field("rows", "'rows' must be an array of objects keyed by feature name.");
        }
        RowBlocks blocks = blocks(model);
        boolean[] present = new boolean[width];
        int rows = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            checkLimits(rows + 1, width);
            if (t != JsonToken.START_OBJECT) {
                throw field("rows[" + rows + "]", "Row " + rows + " of rows must be an object of feature name → number, got "
                        + describe(p, t) + ".");
            }
            float[] x = blocks.blockOf(rows);
            int off = blocks.offset(rows);
            Arrays.fill(present, false);
            int filled = 0;
            for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                String name = p.currentName();
                int col = model.featureIndex(name);
                if (col < 0) {
                    throw field("rows[" + rows + "]." + name, "Row " + rows + " has unknown feature '" + name + "'; the model expects "
                            + names(model, 0, width) + ".");
                }
                if (present[col]) {
                    throw field("rows[" + rows + "]." + name, "Row " + rows + " has feature '" + name + "' more than once.");
                }
                x[off + col] = number(p, p.nextToken(), rows, col, model, name);
                present[col] = true;
                filled++;
            }
            if (filled != width) {
                throw field("rows[" + rows + "]", "Row " + rows + " is missing feature" + (width - filled == 1 ? " " : "s ")
                        + missing(model, present) + ".");
            }
            rows++;
        }
        return finish(blocks, rows, "rows");
    }

    /**
     * The value at (row, col); {@code name} is the feature name for the {@code rows} form, null for
     * {@code inputs}. The error path is built only on error: this runs for every value of a batch.
     */
    private float number(JsonParser p, JsonToken t, int row, int col, LoadedModel model, String name) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            float v = p.getFloatValue();
            if (Float.isFinite(v)) {
                return v;
            }
            String what = Float.isNaN(v) ? "NaN" : "out of the float range";
            throw field(path(row, col, name), "Row " + row + ", column " + col + " ('" + model.featureName(col) + "') is " + what
                    + "; values must be finite numbers.");
        }
        String path = path(row, col, name);
        String got = describe(p, t);
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            p.skipChildren();
        }
        throw field(path, "Row " + row + ", column " + col + " ('" + model.featureName(col) + "') must be a number, got "
                + got + ".");
    }

    private static String path(int row, int col, String name) {
        return name == null ? "inputs[" + row + "][" + col + "]" : "rows[" + row + "]." + name;
    }

    private void checkLimits(int rows, int width) {
        if (rows > maxRows) {
            throw ApiException.tooLarge("At most " + maxRows + " rows per request; split the batch.");
        }
        if ((long) rows * width > maxValues) {
            throw ApiException.tooLarge("At most " + maxValues + " values (rows × " + width
                    + " features) per request; split the batch.");
        }
    }

    private static RowBlocks blocks(LoadedModel model) {
        return new RowBlocks(model.inputs(), model.model().predictChunkRows());
    }

    private RowBlocks finish(RowBlocks blocks, int rows, String field) {
        if (rows == 0) {
            throw field(field, "'" + field + "' is empty; send at least one row.");
        }
        blocks.rows(rows);
        return blocks;
    }

    private static String describe(JsonParser p, JsonToken t) {
        if (t == null) {
            return "the end of the body";
        }
        return switch (t) {
            case VALUE_STRING -> {
                String s = p.getString();
                yield "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            }
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private static String names(LoadedModel model, int from, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < width && i < from + MAX_LISTED_NAMES; i++) {
            sb.append(i == from ? "" : ", ").append(model.featureName(i));
        }
        if (width - from > MAX_LISTED_NAMES) {
            sb.append(", … ").append(width - from - MAX_LISTED_NAMES).append(" more");
        }
        return sb.toString();
    }

    private static String missing(LoadedModel model, boolean[] present) {
        List<String> out = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < present.length; i++) {
            if (!present[i]) {
                if (out.size() < MAX_LISTED_NAMES) {
                    out.add("'" + model.featureName(i) + "'");
                }
                total++;
            }
        }
        return String.join(", ", out) + (total > out.size() ? ", … " + (total - out.size()) + " more" : "");
    }

    private static ApiException field(String path, String detail) {
        return ApiException.badRequest(detail, List.of(new ApiException.FieldProblem(path, detail)));
    }
}
