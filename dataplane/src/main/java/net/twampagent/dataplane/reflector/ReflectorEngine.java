package net.twampagent.dataplane.reflector;

import java.io.IOException;

/**
 * The SPI of a Session-Reflector engine: it owns the UDP sockets of accepted sessions and reflects their
 * packets. The TWAMP-Control server opens one {@link ReflectorSession} per accepted Request-TW-Session and drives
 * its life; the engine moves datagrams.
 *
 * <p>An implementation must, for each datagram that reaches a session's port:
 * <ol>
 *   <li>count it ({@link SessionCounters#onReceived()}) and take T2 as close to the wire as it can;</li>
 *   <li>drop and count it ({@link SessionCounters#onDropped}) when it comes from anyone but
 *       {@link SessionSpec#peer()} ({@code STRANGER}), else record the sender's activity
 *       ({@link SessionCounters#onSenderPacket(long)}), then drop it before {@link ReflectorSession#start()}
 *       ({@code NOT_STARTED}), after the {@link ReflectorSession#stopAt(long)} deadline ({@code AFTER_STOP}), or
 *       when shorter than 14 octets ({@code TOO_SHORT});</li>
 *   <li>otherwise build the reply with {@link ReflectStep#reflect} (the session's own sequence number counting
 *       from 0, the real TTL when it can read it, else 255), take T3 just before sending and write it with
 *       {@link ReflectStep#stampTransmit} and {@link ReflectStep#transmitTimestamp}, send the reply to the source
 *       with the session's DSCP ({@link SessionSpec#dscp()}), and call
 *       {@link SessionCounters#onReflected}.</li>
 * </ol>
 * On the packet path an engine allocates nothing, takes no lock shared between sessions and logs nothing.
 * Engines are tested by one conformance suite (the abstract {@code ReflectorEngineConformanceTest}); a new
 * engine adds a subclass of it.
 */
public interface ReflectorEngine extends AutoCloseable {
    /** A short name for logs and state (e.g. {@code nio}). */
    String name();

    /**
     * Opens and binds the endpoint of one session; it drops everything until started.
     *
     * @throws java.net.BindException when the local address and port cannot be bound (port taken, address not
     *     local); the caller may then try another port
     * @throws IOException on any other socket failure
     */
    ReflectorSession open(SessionSpec spec) throws IOException;

    /** Stops the engine's threads and closes every session still open. */
    @Override
    void close();
}
