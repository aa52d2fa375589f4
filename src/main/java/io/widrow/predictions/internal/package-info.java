/** The predict endpoint: streaming request parsing into a primitive batch, the engine call, streaming response writing and metrics. */
package io.widrow.predictions.internal;
