package net.twampagent.dataplane.nativeio;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.twampagent.dataplane.reflector.AbstractReflectorSession;
import net.twampagent.dataplane.reflector.SessionSpec;

/**
 * A session of the FFM engine: its socket (DSCP set on it, so every reply carries the session's), the negotiated
 * peer as a native sockaddr compared with each datagram's source, and its own sequence number. Its reflector
 * thread is the only one that reads the socket or writes the sequence and the counters.
 */
final class FfmReflectorSession extends AbstractReflectorSession {
    private static final long CLOSE_WAIT_SECONDS = 5;

    final NativeUdpSocket socket;
    final MemorySegment peer;
    final int slot;
    int sequence;

    private final FfmReflectorLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);

    FfmReflectorSession(final NativeUdpSocket socket, final SessionSpec spec, final FfmReflectorLoop loop,
            final int slot) throws NativeIoException {
        super(socket.localAddress(), spec);
        this.socket = socket;
        this.peer = Sockaddrs.allocate(Arena.ofAuto(), spec.peer());
        this.loop = loop;
        this.slot = slot;
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
