/**
 * Error-to-problem+json translation (503 while the database is unreachable), OpenAPI metadata and the JDBC
 * audit log; hidden so features only see the contracts.
 */
package io.widrow.system.internal;
