/** Trained models: storage, listing, weights download and deletion; public types are what jobs and predictions use. */
package io.widrow.models;
