/**
 * Benchmark programs of the agent: they print figures and are not tests.
 */
package net.twampagent.netconf.bench;
