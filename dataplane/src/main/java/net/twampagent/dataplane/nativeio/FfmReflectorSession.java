package net.twampagent.dataplane.nativeio;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.twampagent.dataplane.reflector.ReflectorSession;
import net.twampagent.dataplane.reflector.SessionCounters;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.reflector.SessionSpec;

/**
 * A session of the FFM engine: its socket (DSCP set on it, so every reply carries the session's), the negotiated
 * peer as a native sockaddr compared with each datagram's source, and its own sequence number. Its reflector
 * thread is the only one that reads the socket or writes the sequence and the counters.
 */
final class FfmReflectorSession implements ReflectorSession {
    private static final long CLOSE_WAIT_SECONDS = 5;

    final NativeUdpSocket socket;
    final MemorySegment peer;
    final int slot;
    /** The session's test packet protection (modes 2 and 4), used on this session's loop thread only; or null. */
    final TestPacketProtection protection;
    int sequence;
    volatile boolean started;
    volatile boolean stopping;
    volatile long stopDeadline;

    private final InetSocketAddress local;
    private final SessionCounters counters;
    private final FfmReflectorLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);

    FfmReflectorSession(final NativeUdpSocket socket, final SessionSpec spec, final FfmReflectorLoop loop,
            final int slot) throws NativeIoException {
        this.socket = socket;
        this.peer = Sockaddrs.allocate(Arena.ofAuto(), spec.peer());
        this.local = socket.localAddress();
        this.counters = new SessionCounters(System.nanoTime());
        this.loop = loop;
        this.slot = slot;
        this.protection = spec.protection();
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stopAt(final long deadlineNanoTime) {
        stopDeadline = deadlineNanoTime;
        stopping = true;
    }

    @Override
    public SessionCounters counters() {
        return counters;
    }

    /**
     * Hands the socket to its reflector thread to close, and waits until it has: the thread may be inside a
     * receive on this descriptor, and a descriptor closed under it could be reused by a new session's socket.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            loop.retire(this);
            try {
                released.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the socket; called by the reflector thread, or by the closer once that thread has ended. */
    void release() {
        socket.close();
        released.countDown();
    }
}
