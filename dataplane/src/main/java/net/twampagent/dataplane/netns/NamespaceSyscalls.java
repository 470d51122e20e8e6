package net.twampagent.dataplane.netns;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc calls namespaces need, through java.lang.foreign. errno is captured by the downcall itself:
 * reading it afterwards would race with whatever the JVM runs on this thread in between.
 */
final class NamespaceSyscalls {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final long SIOCGSKNS = 0x894C;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    // open(2) and ioctl(2) are variadic in C; the ABI passes variadic arguments differently on some platforms.
    private static final MethodHandle OPEN = downcall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SETNS = downcall("setns",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle CLOSE = downcall("close",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle IOCTL = downcall("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG),
            CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle STRERROR = downcall("strerror",
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private NamespaceSyscalls() {
    }

    // Restricted by the JDK because a wrong descriptor crashes the JVM; these match the libc prototypes exactly.
    @SuppressWarnings("restricted")
    private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsupportedOperationException("libc has no " + name + "()"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** open(path, O_RDONLY | O_CLOEXEC): the descriptor of a namespace file, not inherited by child processes. */
    static int openReadOnly(String path) throws ErrnoException {
        return call("open(" + path + ")", (arena, state) ->
                (int) OPEN.invokeExact(state, arena.allocateFrom(path), O_RDONLY | O_CLOEXEC, 0));
    }

    /** Moves the calling thread, and only it, into the network namespace {@code fd} refers to. */
    static void enterNetworkNamespace(int fd) throws ErrnoException {
        call("setns", (arena, state) -> (int) SETNS.invokeExact(state, fd, CLONE_NEWNET));
    }

    static void close(int fd) throws ErrnoException {
        call("close", (arena, state) -> (int) CLOSE.invokeExact(state, fd));
    }

    /**
     * The identity of the network namespace a socket was created in (ioctl SIOCGSKNS). The kernel answers with a
     * new descriptor of that namespace, which is closed again here.
     */
    static NamespaceIdentity namespaceOfSocket(int socketFd) throws IOException {
        int namespaceFd = call("ioctl(SIOCGSKNS)",
                (arena, state) -> (int) IOCTL.invokeExact(state, socketFd, SIOCGSKNS));
        try {
            return NamespaceIdentity.ofDescriptor(namespaceFd);
        } finally {
            close(namespaceFd);
        }
    }

    /** Runs one downcall with a fresh call-state segment; these calls are rare, so the allocation does not matter. */
    private static int call(String name, Downcall downcall) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result;
            try {
                result = downcall.invoke(arena, state);
            } catch (Throwable e) {
                throw new IllegalStateException(name + " downcall failed", e);
            }
            return checked(name, result, state);
        }
    }

    private static int checked(String call, int result, MemorySegment state) throws ErrnoException {
        if (result >= 0) {
            return result;
        }
        int errno = (int) ERRNO.get(state, 0L);
        throw new ErrnoException(call, errno, describe(errno));
    }

    // strerror returns a NUL-terminated string of at most a few dozen bytes in static storage.
    @SuppressWarnings("restricted")
    private static String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable e) {
            return "error";
        }
    }

    @FunctionalInterface
    private interface Downcall {
        int invoke(Arena arena, MemorySegment state) throws Throwable;
    }
}
