package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One epoll instance (level-triggered, read interest only) and its preallocated event array. Meant for one I/O
 * thread: {@link #await} and {@link #token} run there; {@link #add} and {@link #remove} are safe from any thread
 * because the kernel serialises epoll_ctl, but each call allocates its own scratch memory.
 */
public final class EpollSelector implements AutoCloseable {
    private final Arena arena;
    private final int epfd;
    private final int capacity;
    private final MemorySegment events;
    private final MemorySegment callState;
    private final long eventSize = NativeStructs.EPOLL_EVENT.byteSize();

    /** Opens an epoll instance that reports up to {@code capacity} ready descriptors per wait. */
    public EpollSelector(final int capacity) throws NativeIoException {
        if (capacity < 1) {
            throw new IllegalArgumentException("epoll capacity " + capacity + " must be at least 1");
        }
        this.arena = Arena.ofShared();
        this.capacity = capacity;
        this.events = arena.allocate(NativeStructs.EPOLL_EVENT, capacity);
        this.callState = Libc.newCallState(arena);
        this.epfd = Libc.epollCreate1(callState, LinuxAbi.EPOLL_CLOEXEC);
        if (epfd < 0) {
            final int errno = Libc.errno(callState);
            arena.close();
            throw new NativeIoException("epoll_create1", errno);
        }
    }

    /** Watches {@code fd} for readability; {@link #token} reports {@code token} when it is ready. */
    public void add(final int fd, final long token) throws NativeIoException {
        control(LinuxAbi.EPOLL_CTL_ADD, fd, token);
    }

    /** Stops watching {@code fd} (closing the descriptor does this too). */
    public void remove(final int fd) throws NativeIoException {
        control(LinuxAbi.EPOLL_CTL_DEL, fd, 0);
    }

    private void control(final int op, final int fd, final long token) throws NativeIoException {
        try (Arena scratch = Arena.ofConfined()) {
            final MemorySegment state = Libc.newCallState(scratch);
            final MemorySegment event = scratch.allocate(NativeStructs.EPOLL_EVENT);
            event.set(JAVA_INT, 0, LinuxAbi.EPOLLIN);
            event.set(JAVA_LONG_UNALIGNED, NativeStructs.EPOLL_DATA, token);
            if (Libc.epollCtl(state, epfd, op, fd, event) != 0) {
                throw new NativeIoException(op == LinuxAbi.EPOLL_CTL_ADD ? "epoll_ctl(ADD, fd " + fd + ")"
                        : "epoll_ctl(DEL, fd " + fd + ")", Libc.errno(state));
            }
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (0 polls, negative waits forever) for ready descriptors; returns how many
     * are ready, 0 on timeout or when a signal interrupted the wait.
     */
    public int await(final int timeoutMillis) throws NativeIoException {
        final int ready = Libc.epollWait(callState, epfd, events, capacity, timeoutMillis);
        if (ready >= 0) {
            return ready;
        }
        final int errno = Libc.errno(callState);
        if (errno == LinuxAbi.EINTR) {
            return 0;
        }
        throw new NativeIoException("epoll_wait", errno);
    }

    /** The token of the {@code index}-th ready descriptor of the last {@link #await}. */
    public long token(final int index) {
        return events.get(JAVA_LONG_UNALIGNED, index * eventSize + NativeStructs.EPOLL_DATA);
    }

    /** Closes the epoll descriptor and frees the event array; call once the waiting thread has stopped. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            Libc.close(callState, epfd);
            arena.close();
        }
    }
}
