/**
 * The TWAMP dataplane: {@link net.twampagent.dataplane.TwampServer} runs a TWAMP server (Server and
 * Session-Reflector, RFC 5357) from an immutable {@link net.twampagent.dataplane.config.ServerConfig} and hands
 * back immutable state snapshots and events. It knows nothing of NETCONF or YANG.
 *
 * <p>Layers, one package each: {@code config} (the input value), {@code wire} (byte layouts), {@code reflector}
 * (the Session-Reflector engines), {@code control} (the TWAMP-Control server), {@code state} (what comes out),
 * {@code client} (a Control-Client and Session-Sender), {@code cli} (the {@code twamp-ping} command).
 */
package net.twampagent.dataplane;
