/** Error-to-problem+json translation, OpenAPI metadata and the JDBC audit log; hidden so features only see the contracts. */
package io.widrow.system.internal;
