/**
 * The agent's wiring onto OpenDaylight's NETCONF server library: session negotiation, framing and hello come
 * from ODL; the operations, capabilities, session limits and listeners are set up here.
 */
package net.twampagent.netconf.server;
