/**
 * The TWAMP server's NETCONF agent. {@link net.twampagent.netconf.Main} starts it; the sub-packages hold the
 * layers: {@code server} (wiring onto OpenDaylight's session machinery), {@code operations} (one class per
 * NETCONF operation), {@code datastore} (running, candidate, commit pipeline), {@code persistence},
 * {@code notifications}, {@code auth}, {@code rpc} (replies and errors), {@code model}, {@code app} (command line).
 */
package net.twampagent.netconf;
