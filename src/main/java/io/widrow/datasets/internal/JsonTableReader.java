package io.widrow.datasets.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.widrow.system.ApiException;
import io.widrow.system.JsonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the two JSON shapes token by token: {@code [{"x1":1,"label":"a"}, ...]} and
 * {@code {"columns":[...],"rows":[[...], ...]}}. Rows are never bound to objects.
 */
final class JsonTableReader {
    private final JsonMapper mapper;

    JsonTableReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    CsvTableReader.Parsed read(InputStream in, ParseOptions options) {
        JsonParser parser = null;
        try (JsonParser p = mapper.createParser(in)) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                throw ApiException.badRequest("The file is empty.");
            }
            if (t == JsonToken.START_ARRAY) {
                return readObjects(p, options);
            }
            if (t == JsonToken.START_OBJECT) {
                return readColumnsRows(p, options);
            }
            throw ApiException.badRequest("JSON datasets must be an array of objects or an object with \"columns\" and \"rows\".");
        } catch (JacksonException e) {
            String why = JsonErrors.describe(e, parser == null ? null : parser.currentLocation());
            throw ApiException.badRequest((JsonErrors.isReaderLimit(e) ? "The file exceeds a JSON reader limit"
                    : "The file is not valid JSON") + why + ".");
        }
    }

    private CsvTableReader.Parsed readObjects(JsonParser p, ParseOptions options) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            throw ApiException.badRequest("The file contains no data rows.");
        }
        if (t != JsonToken.START_OBJECT) {
            throw ApiException.badRequest("Row 1 is not a JSON object.");
        }
        // The first object fixes the column order.
        List<String> names = new ArrayList<>();
        List<String> firstValues = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            names.add(name);
            firstValues.add(scalar(p, "row 1", name));
        }
        String[] columns = names.toArray(String[]::new);
        int labelIndex = LabelColumns.resolve(options.labelColumn(), columns, columns.length);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            index.put(columns[i], i);
        }
        TableBuilder builder = new TableBuilder(columns, labelIndex, options);
        ArrayCells cells = new ArrayCells(columns.length);
        firstValues.toArray(cells.values);
        builder.add("row 1", cells);
        int row = 1;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            row++;
            String where = "row " + row;
            if (t != JsonToken.START_OBJECT) {
                throw ApiException.badRequest("Row " + row + " is not a JSON object.");
            }
            java.util.Arrays.fill(cells.values, null);
            boolean[] seen = new boolean[columns.length];
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                Integer i = index.get(name);
                if (i == null) {
                    throw ApiException.badRequest("Row " + row + " has field \"" + name + "\", which row 1 does not have; columns are: "
                            + TableBuilder.listColumns(columns) + ".");
                }
                p.nextToken();
                cells.values[i] = scalar(p, where, name);
                seen[i] = true;
            }
            for (int i = 0; i < columns.length; i++) {
                if (!seen[i]) {
                    throw ApiException.badRequest("Row " + row + " has no field \"" + columns[i] + "\".");
                }
            }
            builder.add(where, cells);
        }
        return new CsvTableReader.Parsed(builder.build(), columns[labelIndex]);
    }

    private CsvTableReader.Parsed readColumnsRows(JsonParser p, ParseOptions options) {
        String[] columns = null;
        TableBuilder builder = null;
        int labelIndex = -1;
        boolean sawRows = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if ("columns".equals(field)) {
                if (t != JsonToken.START_ARRAY) {
                    throw ApiException.badRequest("\"columns\" must be an array of names.");
                }
                List<String> names = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    names.add(scalar(p, "columns", "columns"));
                }
                columns = names.toArray(String[]::new);
                labelIndex = LabelColumns.resolve(options.labelColumn(), columns, columns.length);
                builder = new TableBuilder(columns, labelIndex, options);
            } else if ("rows".equals(field)) {
                if (builder == null) {
                    // Streaming needs the names first; buffering rows would defeat it.
                    throw ApiException.badRequest("\"columns\" must come before \"rows\".");
                }
                if (t != JsonToken.START_ARRAY) {
                    throw ApiException.badRequest("\"rows\" must be an array of arrays.");
                }
                sawRows = true;
                List<String> values = new ArrayList<>(columns.length);
                ListCells cells = new ListCells(values);
                int row = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    row++;
                    if (t != JsonToken.START_ARRAY) {
                        throw ApiException.badRequest("Row " + row + " is not an array.");
                    }
                    values.clear();
                    int col = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String name = col < columns.length ? columns[col] : "#" + col;
                        values.add(scalar(p, "row " + row, name));
                        col++;
                    }
                    builder.add("row " + row, cells);
                }
            } else {
                p.skipChildren();
            }
        }
        if (columns == null || !sawRows) {
            throw ApiException.badRequest("A JSON object dataset needs \"columns\" and \"rows\".");
        }
        return new CsvTableReader.Parsed(builder.build(), columns[labelIndex]);
    }

    private static String scalar(JsonParser p, String where, String column) {
        JsonToken t = p.currentToken();
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getString();
            case VALUE_NULL -> "";
            default -> throw ApiException.badRequest(Character.toUpperCase(where.charAt(0)) + where.substring(1)
                    + ", column \"" + column + "\": nested objects and arrays are not allowed.");
        };
    }

    private static final class ArrayCells implements Cells {
        final String[] values;

        ArrayCells(int n) {
            values = new String[n];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public String get(int i) {
            return values[i];
        }
    }

    private record ListCells(List<String> values) implements Cells {
        @Override
        public int size() {
            return values.size();
        }

        @Override
        public String get(int i) {
            return values.get(i);
        }
    }
}
