/**
 * Sockets inside Linux network namespaces: the base of routing instances. A Junos routing instance maps to the
 * named network namespace {@code /run/netns/NAME}; the name {@code default} is the agent's own namespace.
 *
 * <p>A socket belongs to the namespace of the thread that <em>creates</em> it and keeps belonging there from any
 * thread afterwards. So each instance gets one dedicated platform thread that enters its namespace once with
 * {@code setns(2)} and then only creates sockets; the channels it hands back are used by ordinary root-namespace
 * threads and Netty event loops. {@link net.twampagent.dataplane.netns.NetworkNamespaces} is the entry point,
 * {@link net.twampagent.dataplane.netns.InstanceSockets} the per-instance socket factory.
 */
package net.twampagent.dataplane.netns;
