/**
 * Cross-cutting types every feature may use: configuration properties, API exceptions, the audit log and how to
 * tell a database outage from other failures.
 */
package io.widrow.system;
