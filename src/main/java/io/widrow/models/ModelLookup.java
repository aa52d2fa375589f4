package io.widrow.models;

import java.util.Optional;
import java.util.UUID;

import io.widrow.security.Caller;

/** Read access to decoded models for features that run them (predictions). */
public interface ModelLookup {
    /**
     * The model if it exists and {@code caller} may access it; empty otherwise, so callers answer 404 and never
     * reveal that another owner's model exists. Ownership and existence are checked against the database on every
     * call, so a model deleted on another node stops being served even while this node still caches it.
     */
    Optional<LoadedModel> find(UUID id, Caller caller);
}
