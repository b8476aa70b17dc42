/** Benchmarks behind {@code ./hearth bench …}; their figures go into BENCHMARKS.md with the command that produced them. */
package org.hearth.app.bench;
