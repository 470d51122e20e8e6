/**
 * The managed function: the glue that makes the dataplane's TWAMP server do what running says and report back
 * through the agent. {@link net.twampagent.netconf.function.DataplaneParticipant} joins the commit pipeline,
 * {@link net.twampagent.netconf.function.DataplaneState} answers {@code <get>} with the server's state,
 * {@link net.twampagent.netconf.function.EventNotifier} turns its events into rate-limited notifications, and
 * {@link net.twampagent.netconf.function.TwampFunction} puts them together for the launcher.
 */
package net.twampagent.netconf.function;
