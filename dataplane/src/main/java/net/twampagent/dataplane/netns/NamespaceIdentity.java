package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which network namespace a file names. A namespace has no name of its own in the kernel: it is an inode of the
 * nsfs filesystem, and {@code /run/netns/NAME} is only a bind mount of it. Comparing inodes is how a name that
 * was deleted and created again is told apart from the namespace it used to name.
 *
 * @param device the filesystem device ({@code unix:dev}), the same for every namespace
 * @param inode the namespace's inode ({@code unix:ino}), its identity
 */
public record NamespaceIdentity(long device, long inode) {

    /** The identity behind {@code path}, following the magic links of /proc to the namespace itself. */
    static NamespaceIdentity of(Path path) throws IOException {
        return new NamespaceIdentity(
                ((Number) Files.getAttribute(path, "unix:dev")).longValue(),
                ((Number) Files.getAttribute(path, "unix:ino")).longValue());
    }

    /** The identity of what an open descriptor refers to: race-free, unlike looking the name up again. */
    static NamespaceIdentity ofDescriptor(int fd) throws IOException {
        return of(Path.of("/proc/self/fd/" + fd));
    }

    /** The namespace the calling thread is in now. */
    static NamespaceIdentity ofCurrentThread() throws IOException {
        return of(Path.of("/proc/thread-self/ns/net"));
    }

    /** Whether {@code other} lives on the same filesystem, i.e. is a namespace at all rather than a plain file. */
    boolean sameFilesystem(NamespaceIdentity other) {
        return device == other.device;
    }
}
