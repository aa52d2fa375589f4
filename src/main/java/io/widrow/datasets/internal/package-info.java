/** Upload parsing (CSV/JSON/IDX), the chunked binary codec, persistence and the /api/v1/datasets endpoints. */
package io.widrow.datasets.internal;
