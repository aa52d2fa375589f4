/** API-key storage, the X-API-Key filter, the security chain and the key-management endpoints. */
package io.widrow.security.internal;
