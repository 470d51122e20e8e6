package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

/**
 * Downcalls into the C library. Every call that can fail captures errno in the same downcall (reading it in a
 * second call is unreliable because the JVM itself may make system calls in between); the caller passes a
 * call-state segment it owns, so the hot path allocates nothing. The few calls other packages need (the
 * namespace calls, close, errno and its text) are public so that every descriptor of a C prototype stays here.
 */
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO = CALL_STATE.byteOffset(groupElement("errno"));
    private static final Linker.Option ERRNO_CAPTURE = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = errnoCall("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle BIND = errnoCall("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SETSOCKOPT = errnoCall("setsockopt",
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT = errnoCall("getsockopt",
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETSOCKNAME = errnoCall("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle CLOSE = errnoCall("close", JAVA_INT, JAVA_INT);
    // open(2) and ioctl(2) are variadic in C; the ABI passes variadic arguments differently on some platforms.
    private static final MethodHandle OPEN = downcall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            ERRNO_CAPTURE, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IOCTL = downcall("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG),
            ERRNO_CAPTURE, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SETNS = errnoCall("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle RECVMMSG = errnoCall("recvmmsg",
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle SENDMMSG = errnoCall("sendmmsg", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle EPOLL_CREATE1 = errnoCall("epoll_create1", JAVA_INT, JAVA_INT);
    private static final MethodHandle EPOLL_CTL = errnoCall("epoll_ctl", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle EPOLL_WAIT = errnoCall("epoll_wait", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle EVENTFD = errnoCall("eventfd", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle READ = errnoCall("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle WRITE = errnoCall("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle ADJTIMEX = errnoCall("adjtimex", JAVA_INT, ADDRESS);
    private static final MethodHandle SCHED_SETAFFINITY = errnoCall("sched_setaffinity",
            JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    /** vDSO call that never blocks and cannot fail with valid arguments: the cheapest downcall kind is safe. */
    private static final MethodHandle CLOCK_GETTIME = downcall("clock_gettime",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.critical(false));
    private static final MethodHandle STRERROR = downcall("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    private static MethodHandle errnoCall(final String name, final MemoryLayout result,
            final MemoryLayout... arguments) {
        return downcall(name, FunctionDescriptor.of(result, arguments), ERRNO_CAPTURE);
    }

    // Restricted because a descriptor that does not match the C prototype crashes the JVM: each one here is
    // written from the glibc prototype for LP64 Linux, and NativeStructs checks the struct sizes they rely on.
    @SuppressWarnings("restricted")
    private static MethodHandle downcall(final String name, final FunctionDescriptor descriptor,
            final Linker.Option... options) {
        final MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** A call-state segment for one thread's calls; it lives as long as the arena. */
    public static MemorySegment newCallState(final Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    /** The errno the last failed call that used this state captured. */
    public static int errno(final MemorySegment callState) {
        return callState.get(JAVA_INT, ERRNO);
    }

    /** The C library's text for an errno value; only on error paths (it allocates a String). */
    // strerror returns a short NUL-terminated string in static storage: 256 bytes always cover it.
    @SuppressWarnings("restricted")
    public static String describe(final int errno) {
        try {
            final MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    static int socket(final MemorySegment state, final int domain, final int type, final int protocol) {
        try {
            return (int) SOCKET.invokeExact(state, domain, type, protocol);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int bind(final MemorySegment state, final int fd, final MemorySegment address, final int length) {
        try {
            return (int) BIND.invokeExact(state, fd, address, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int setsockopt(final MemorySegment state, final int fd, final int level, final int name,
            final MemorySegment value, final int length) {
        try {
            return (int) SETSOCKOPT.invokeExact(state, fd, level, name, value, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int getsockopt(final MemorySegment state, final int fd, final int level, final int name,
            final MemorySegment value, final MemorySegment length) {
        try {
            return (int) GETSOCKOPT.invokeExact(state, fd, level, name, value, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int getsockname(final MemorySegment state, final int fd, final MemorySegment address,
            final MemorySegment length) {
        try {
            return (int) GETSOCKNAME.invokeExact(state, fd, address, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    public static int close(final MemorySegment state, final int fd) {
        try {
            return (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** open(2) of a NUL-terminated {@code path} with {@code flags} and {@code mode}. */
    public static int open(final MemorySegment state, final MemorySegment path, final int flags, final int mode) {
        try {
            return (int) OPEN.invokeExact(state, path, flags, mode);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** ioctl(2) with a request that takes no argument. */
    public static int ioctl(final MemorySegment state, final int fd, final long request) {
        try {
            return (int) IOCTL.invokeExact(state, fd, request);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** setns(2): moves the calling thread into the namespace {@code fd} refers to. */
    public static int setns(final MemorySegment state, final int fd, final int namespaceType) {
        try {
            return (int) SETNS.invokeExact(state, fd, namespaceType);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int recvmmsg(final MemorySegment state, final int fd, final MemorySegment messages, final int count,
            final int flags) {
        try {
            return (int) RECVMMSG.invokeExact(state, fd, messages, count, flags, MemorySegment.NULL);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int sendmmsg(final MemorySegment state, final int fd, final MemorySegment messages, final int count,
            final int flags) {
        try {
            return (int) SENDMMSG.invokeExact(state, fd, messages, count, flags);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int epollCreate1(final MemorySegment state, final int flags) {
        try {
            return (int) EPOLL_CREATE1.invokeExact(state, flags);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int epollCtl(final MemorySegment state, final int epfd, final int op, final int fd,
            final MemorySegment event) {
        try {
            return (int) EPOLL_CTL.invokeExact(state, epfd, op, fd, event);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int epollWait(final MemorySegment state, final int epfd, final MemorySegment events, final int max,
            final int timeoutMillis) {
        try {
            return (int) EPOLL_WAIT.invokeExact(state, epfd, events, max, timeoutMillis);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int eventfd(final MemorySegment state, final int initial, final int flags) {
        try {
            return (int) EVENTFD.invokeExact(state, initial, flags);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static long read(final MemorySegment state, final int fd, final MemorySegment buffer, final long length) {
        try {
            return (long) READ.invokeExact(state, fd, buffer, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static long write(final MemorySegment state, final int fd, final MemorySegment buffer, final long length) {
        try {
            return (long) WRITE.invokeExact(state, fd, buffer, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int adjtimex(final MemorySegment state, final MemorySegment timex) {
        try {
            return (int) ADJTIMEX.invokeExact(state, timex);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int schedSetaffinity(final MemorySegment state, final long maskBytes, final MemorySegment mask) {
        try {
            return (int) SCHED_SETAFFINITY.invokeExact(state, 0, maskBytes, mask);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int clockGettime(final int clock, final MemorySegment timespec) {
        try {
            return (int) CLOCK_GETTIME.invokeExact(clock, timespec);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
