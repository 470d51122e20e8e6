package net.twampagent.dataplane.reflector;

import java.net.InetSocketAddress;

/**
 * The UDP endpoint of one session inside an engine. Every method may be called from any thread; none blocks.
 *
 * <p>Life: opened (bound, dropping everything as {@code NOT_STARTED}) → {@link #start()} (reflecting packets of
 * the negotiated sender) → {@link #stopAt(long)} (still reflecting until the deadline, dropping as
 * {@code AFTER_STOP} after it) → {@link #close()} (port released). The engine never ends a session by itself:
 * the control layer owns every decision about time (Start-Sessions, Stop-Sessions + Timeout, REFWAIT) and reads
 * {@link SessionCounters#lastSenderPacketNanoTime()} for the inactivity timer.
 */
public interface ReflectorSession extends AutoCloseable {
    /** The bound local address and port (the port offered in Accept-Session). */
    InetSocketAddress localAddress();

    /** From now on, reflect packets from the negotiated sender. */
    void start();

    /**
     * Keep reflecting until {@link System#nanoTime()} passes {@code deadlineNanoTime}, drop after it
     * (Stop-Sessions plus the session's Timeout).
     */
    void stopAt(long deadlineNanoTime);

    /** The live counters. */
    SessionCounters counters();

    /** Releases the port; idempotent. */
    @Override
    void close();
}
