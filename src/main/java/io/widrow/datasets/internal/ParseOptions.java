package io.widrow.datasets.internal;

/**
 * @param labelColumn name or 0-based index; null means the last column
 * @param hasHeader   null means detect
 */
record ParseOptions(String labelColumn, boolean regression, Boolean hasHeader, boolean dropMissing, long maxCells) {
}
