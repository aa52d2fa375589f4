/** JDK-only serialization helpers, so saved models need no framework to be read. */
package io.widrow.engine.io;
