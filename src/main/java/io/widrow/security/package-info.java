/** Who is calling: the {@link io.widrow.security.Caller} other features use for ownership checks. */
package io.widrow.security;
