/**
 * The NETCONF operations of the agent, one class per operation, registered with ODL's session machinery through
 * {@link net.twampagent.netconf.server.AgentOperationServiceFactory}. Each reads its parameters, calls the
 * datastores, and reports failures as RFC 6241 {@code <rpc-error>}s.
 */
package net.twampagent.netconf.operations;
