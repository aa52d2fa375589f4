package io.widrow.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import io.widrow.engine.data.Dataset;
import io.widrow.system.ApiException;

/** Streams a CSV file record by record into a {@link TableBuilder}; the file is never held as a String. */
final class CsvTableReader {
    private CsvTableReader() {
    }

    /** Result of parsing: the dataset and the resolved label column name. */
    record Parsed(Dataset dataset, String labelColumn) {
    }

    static Parsed read(InputStream in, ParseOptions options) throws IOException {
        // One column more than the features allowed plus the label: enough to tell "too wide" from "just right".
        CsvRecordHandler records = CsvRecordHandler.builder().maxFields(options.maxFeatures() + 2).build();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                // Ragged rows are reported by the builder with line numbers and expected counts.
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(records, in, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw ApiException.badRequest("The file is empty.");
            }
            CsvRecord first = it.next();
            int n = first.getFieldCount();
            Integer labelIndexGuess = indexGuess(options.labelColumn(), n);
            boolean header = options.hasHeader() != null ? options.hasHeader() : detectHeader(first, labelIndexGuess, options);
            String[] columns = new String[n];
            if (header) {
                for (int i = 0; i < n; i++) {
                    String name = first.getField(i).trim();
                    columns[i] = name.isEmpty() ? "column " + i : name;
                }
            }
            int labelIndex = LabelColumns.resolve(options.labelColumn(), header ? columns : null, n);
            if (!header) {
                String[] defaults = Dataset.defaultFeatureNames(n - 1);
                for (int c = 0, f = 0; c < n; c++) {
                    columns[c] = c == labelIndex ? "label" : defaults[f++];
                }
            }
            TableBuilder builder = new TableBuilder(columns, labelIndex, options);
            RecordCells cells = new RecordCells();
            if (!header) {
                cells.record = first;
                builder.add("row at line " + first.getStartingLineNumber(), cells);
            }
            boolean anyData = !header;
            while (it.hasNext()) {
                CsvRecord r = it.next();
                anyData = true;
                cells.record = r;
                builder.add("row at line " + r.getStartingLineNumber(), cells);
            }
            if (!anyData) {
                throw ApiException.badRequest("The file has a header but no data rows.");
            }
            return new Parsed(builder.build(), columns[labelIndex]);
        } catch (CsvParseException e) {
            // A limit hit while FastCSV was reading (Uploads) arrives wrapped; it is the real answer.
            Throwable innermost = e;
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof ApiException api) {
                    throw api;
                }
                innermost = c;
            }
            String message = String.valueOf(innermost.getMessage());
            if (message.contains("maximum limit of") && message.contains("fields")) {
                java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
                throw ApiException.tooLarge((line.find() ? "Line " + line.group(1) : "A line") + " has more than "
                        + (options.maxFeatures() + 1) + " columns: more than the limit of " + options.maxFeatures()
                        + " feature columns (widrow.limits.max-features).");
            }
            throw ApiException.badRequest("The file is not valid CSV: " + message + ".");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Integer indexGuess(String labelColumn, int n) {
        if (labelColumn == null || labelColumn.isBlank()) {
            return n - 1;
        }
        try {
            return Integer.parseInt(labelColumn.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Header if the label is referenced by name, or a feature cell of the first row is not numeric. */
    private static boolean detectHeader(CsvRecord first, Integer labelIndex, ParseOptions options) {
        if (labelIndex == null) {
            return true;
        }
        for (int i = 0; i < first.getFieldCount(); i++) {
            if (i == labelIndex) {
                continue;
            }
            String cell = first.getField(i);
            if (!cell.isBlank() && !TableBuilder.isMissing(cell) && !TableBuilder.isNumber(cell)) {
                return true;
            }
        }
        return false;
    }

    private static final class RecordCells implements Cells {
        CsvRecord record;

        @Override
        public int size() {
            return record.getFieldCount();
        }

        @Override
        public String get(int i) {
            return record.getField(i);
        }
    }
}
