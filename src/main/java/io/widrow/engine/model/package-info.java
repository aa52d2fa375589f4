/** Trained models and their lifecycle: the training front door, prediction, and the versioned JSON save format. */
package io.widrow.engine.model;
