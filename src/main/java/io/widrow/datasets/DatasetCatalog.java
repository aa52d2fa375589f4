package io.widrow.datasets;

import java.util.Optional;
import java.util.UUID;

import io.widrow.engine.data.Dataset;
import io.widrow.security.Caller;

/** Read access to stored datasets for other features (jobs, models, predictions). */
public interface DatasetCatalog {

    /** The dataset if it exists and {@code caller} may see it (owner or admin); empty otherwise. */
    Optional<DatasetInfo> find(UUID id, Caller caller);

    /**
     * Decodes the samples from the database. No ownership check: call {@link #find} first.
     *
     * @throws io.widrow.system.ApiException (404) if the dataset does not exist
     */
    Dataset load(UUID id);
}
