package io.widrow.models;

import java.util.UUID;

/** How the jobs feature hands a trained model to the models feature, which owns its storage. */
public interface ModelRegistry {
    /**
     * Stores the model (weights in the database) and returns its id. Runs in its own transaction. Idempotent per
     * job: if the job already registered a model (a recovered run finishing a second time), that model's id is
     * returned and nothing is stored.
     */
    UUID register(NewModel model);
}
