/** Hostile input: the corpus of bad requests, the seeded fuzzers for every parser, and what they must never do. */
package io.widrow.hostile;
