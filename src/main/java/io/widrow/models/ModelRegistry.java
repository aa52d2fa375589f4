package io.widrow.models;

import java.util.UUID;

/** How the jobs feature hands a trained model to the models feature, which owns its storage. */
public interface ModelRegistry {
    /** Stores the model (weights in the database) and returns its id. Runs in its own transaction. */
    UUID register(NewModel model);
}
