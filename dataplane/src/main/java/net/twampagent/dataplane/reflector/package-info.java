/**
 * The Session-Reflector (RFC 5357 §4.2): the engine SPI that owns the UDP endpoints of accepted sessions, the
 * pure reflect step every engine shares, per-session counters, and the portable java.nio engine.
 *
 * <p>Layers: {@link net.twampagent.dataplane.reflector.ReflectStep} is the whole TWAMP logic of a reflected
 * packet and knows no sockets; an engine ({@link net.twampagent.dataplane.reflector.ReflectorEngine}) moves
 * datagrams and timestamps them; the control layer decides which sessions exist and when they start and end.
 */
package net.twampagent.dataplane.reflector;
