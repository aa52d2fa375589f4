package io.widrow.datasets.internal;

/** One parsed row as text cells, whatever the source format; keeps the builder format-agnostic. */
interface Cells {
    int size();

    String get(int i);
}
