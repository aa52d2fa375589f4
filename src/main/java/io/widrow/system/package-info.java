/** Cross-cutting types every feature may use: configuration properties, API exceptions and the audit log. */
package io.widrow.system;
