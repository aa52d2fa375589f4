/** Running trained models on client rows: POST /api/v1/models/{id}/predict. No public types yet; models come from {@code io.widrow.models.ModelLookup}. */
package io.widrow.predictions;
