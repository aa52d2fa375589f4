/** Network layers live here, each owning its batch buffers so training allocates nothing in steady state. */
package io.widrow.engine.nn;
