/**
 * Benchmark programs (main methods, not tests): the plain native UDP echo that is this machine's ceiling, a
 * batched load generator, and {@link net.twampagent.dataplane.bench.ReflectorBenchmark}, which measures the
 * reflector against the echo in one run. {@code bin/bench} runs it; docs/benchmarks.md holds the method and
 * the figures.
 */
package net.twampagent.dataplane.bench;
