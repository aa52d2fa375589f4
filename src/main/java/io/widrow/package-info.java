/** The Widrow service: one Spring Boot application whose features are the sub-packages. */
package io.widrow;
