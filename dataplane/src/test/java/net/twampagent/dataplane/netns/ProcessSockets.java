package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts this process's sockets by the namespace the kernel says each was created in (ioctl SIOCGSKNS on every
 * socket descriptor): the proof that a socket is where it should be, independent of any reachability test.
 */
public final class ProcessSockets {
    private ProcessSockets() {
    }

    public static int countIn(NamespaceIdentity namespace) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors) {
                if (isSocket(descriptor) && namespace.equals(namespaceOf(descriptor))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean isSocket(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
        } catch (IOException e) {
            return false;
        }
    }

    private static NamespaceIdentity namespaceOf(Path descriptor) {
        try {
            return NamespaceSyscalls.namespaceOfSocket(Integer.parseInt(descriptor.getFileName().toString()));
        } catch (IOException e) {
            // Closed by another thread since the listing: it is nobody's socket any more.
            return null;
        }
    }
}
