package net.twampagent.dataplane.netns;

import java.io.IOException;

/** A failed system call, with the errno the kernel gave so callers can tell "no such file" from "not allowed". */
final class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    /** errno: no such file or directory. */
    static final int ENOENT = 2;
    /** errno: operation not permitted. */
    static final int EPERM = 1;

    private final int errno;

    ErrnoException(String call, int errno, String description) {
        super(call + ": " + description + " (errno " + errno + ")");
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
