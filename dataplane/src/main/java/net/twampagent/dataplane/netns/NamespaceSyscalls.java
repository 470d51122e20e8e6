package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import net.twampagent.dataplane.nativeio.Libc;

/**
 * The few libc calls namespaces need, each turned into an {@link ErrnoException} when it fails. errno is captured
 * by the downcall itself ({@link Libc}): reading it afterwards would race with whatever the JVM runs on this
 * thread in between.
 */
final class NamespaceSyscalls {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final long SIOCGSKNS = 0x894C;

    private NamespaceSyscalls() {
    }

    /** open(path, O_RDONLY | O_CLOEXEC): the descriptor of a namespace file, not inherited by child processes. */
    static int openReadOnly(String path) throws ErrnoException {
        return call("open(" + path + ")", (arena, state) ->
                Libc.open(state, arena.allocateFrom(path), O_RDONLY | O_CLOEXEC, 0));
    }

    /** Moves the calling thread, and only it, into the network namespace {@code fd} refers to. */
    static void enterNetworkNamespace(int fd) throws ErrnoException {
        call("setns", (arena, state) -> Libc.setns(state, fd, CLONE_NEWNET));
    }

    static void close(int fd) throws ErrnoException {
        call("close", (arena, state) -> Libc.close(state, fd));
    }

    /**
     * The identity of the network namespace a socket was created in (ioctl SIOCGSKNS). The kernel answers with a
     * new descriptor of that namespace, which is closed again here.
     */
    static NamespaceIdentity namespaceOfSocket(int socketFd) throws IOException {
        int namespaceFd = call("ioctl(SIOCGSKNS)", (arena, state) -> Libc.ioctl(state, socketFd, SIOCGSKNS));
        try {
            return NamespaceIdentity.ofDescriptor(namespaceFd);
        } finally {
            close(namespaceFd);
        }
    }

    /** Runs one downcall with a fresh call-state segment; these calls are rare, so the allocation does not matter. */
    private static int call(String name, Downcall downcall) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newCallState(arena);
            int result = downcall.invoke(arena, state);
            if (result >= 0) {
                return result;
            }
            int errno = Libc.errno(state);
            throw new ErrnoException(name, errno, Libc.describe(errno));
        }
    }

    @FunctionalInterface
    private interface Downcall {
        int invoke(Arena arena, MemorySegment state);
    }
}
