/** Model storage (JDBC, weights as one large text value), the per-node decoded-model cache and the /api/v1/models endpoints. */
package io.widrow.models.internal;
