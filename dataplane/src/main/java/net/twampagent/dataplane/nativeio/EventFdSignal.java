package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An eventfd that wakes a thread blocked in epoll_wait: another thread {@link #signal()}s, the waiting thread
 * sees the descriptor readable and {@link #clear()}s it. A thread blocked in a downcall ignores Java interrupts,
 * so this is how control work reaches a reflector thread at once.
 */
final class EventFdSignal implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final MemorySegment signalState = Libc.newCallState(arena);
    private final MemorySegment clearState = Libc.newCallState(arena);
    private final MemorySegment one = arena.allocateFrom(JAVA_LONG, 1L);
    private final MemorySegment drained = arena.allocate(JAVA_LONG);
    private final int fd;

    EventFdSignal() throws NativeIoException {
        fd = Libc.eventfd(signalState, 0, LinuxAbi.EFD_NONBLOCK | LinuxAbi.EFD_CLOEXEC);
        if (fd < 0) {
            final int errno = Libc.errno(signalState);
            arena.close();
            throw new NativeIoException("eventfd", errno);
        }
    }

    int fd() {
        return fd;
    }

    /** Makes the descriptor readable; callable from any thread, and harmless once closed. */
    synchronized void signal() {
        if (arena.scope().isAlive()) {
            Libc.write(signalState, fd, one, 8);
        }
    }

    /** Resets the counter; only the waiting thread calls it. */
    void clear() {
        Libc.read(clearState, fd, drained, 8);
    }

    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            Libc.close(signalState, fd);
            arena.close();
        }
    }
}
