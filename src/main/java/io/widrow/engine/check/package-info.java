/** Verification tools kept in main, not test, so every module's tests can check its gradients the same way. */
package io.widrow.engine.check;
