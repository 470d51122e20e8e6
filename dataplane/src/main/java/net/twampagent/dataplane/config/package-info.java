/**
 * The immutable configuration value the dataplane is driven by. This package is the whole contract between the
 * NETCONF agent and the dataplane: the agent maps its committed YANG tree to a {@link
 * net.twampagent.dataplane.config.ServerConfig} and hands it over; nothing of YANG crosses this line.
 */
package net.twampagent.dataplane.config;
