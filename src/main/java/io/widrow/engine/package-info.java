/**
 * Widrow's engine: everything needed to define, train, save and run the course's models, in plain
 * Java with no framework dependency so it stays fast, testable on its own and reusable outside the
 * service.
 */
package io.widrow.engine;
