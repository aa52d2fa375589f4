package io.widrow.datasets.internal;

import io.widrow.system.ApiException;

final class LabelColumns {
    private LabelColumns() {
    }

    /**
     * A header name wins over an index so a column literally named "0" can still be chosen.
     *
     * @param header column names, or null when the file has none
     */
    static int resolve(String labelColumn, String[] header, int columnCount) {
        if (labelColumn == null || labelColumn.isBlank()) {
            return columnCount - 1;
        }
        String wanted = labelColumn.trim();
        if (header != null) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].equals(wanted)) {
                    return i;
                }
            }
        }
        try {
            int idx = Integer.parseInt(wanted);
            if (idx >= 0 && idx < columnCount) {
                return idx;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error naming the columns
        }
        String available = header != null
                ? TableBuilder.listColumns(header)
                : "the file has no header; use a 0-based index from 0 to " + (columnCount - 1);
        throw ApiException.badRequest("Label column \"" + wanted + "\" does not exist; columns are: " + available + ".",
                java.util.List.of(new ApiException.FieldProblem("labelColumn", "no such column: " + wanted)));
    }
}
