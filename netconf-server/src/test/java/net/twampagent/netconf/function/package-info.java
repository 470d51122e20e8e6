/**
 * Tests of the managed function over real parts: the agent over its TCP transport, a real TWAMP server on
 * loopback, and the dataplane's own TWAMP client.
 */
package net.twampagent.netconf.function;
