/**
 * Tests of the agent's command line.
 */
package net.twampagent.netconf.app;
