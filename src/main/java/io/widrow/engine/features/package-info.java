/**
 * Input transforms applied before a model sees the data: fixed feature maps (interactions, poly2) and
 * standardization fitted on the training set. Both are stored with the model and replayed at prediction.
 */
package io.widrow.engine.features;
