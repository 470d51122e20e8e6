/**
 * The one place where YANG meets the dataplane: the committed {@code /twamp/server} tree becomes a {@link
 * net.twampagent.dataplane.config.ServerConfig} ({@link net.twampagent.netconf.mapping.ConfigMapper}), and the
 * dataplane's snapshots and events become {@code /twamp/server-state} and the module's notifications ({@link
 * net.twampagent.netconf.mapping.StateMapper}, {@link net.twampagent.netconf.mapping.EventMapper}).
 *
 * <p>Units, defaults and reason names are converted here and nowhere else, so the dataplane never sees a YANG type
 * and the rest of the agent never sees a dataplane enum.
 */
package net.twampagent.netconf.mapping;
