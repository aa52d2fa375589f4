package io.widrow.datasets.internal;

/**
 * @param labelColumn name or 0-based index; null means the last column
 * @param hasHeader   null means detect
 * @param maxCells    rows × features ceiling (widrow.datasets.max-cells, possibly lowered to fit the heap)
 * @param maxFeatures feature columns ceiling (widrow.limits.max-features)
 */
record ParseOptions(String labelColumn, boolean regression, Boolean hasHeader, boolean dropMissing, long maxCells,
                    int maxFeatures) {
}
