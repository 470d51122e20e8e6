package net.twampagent.dataplane.nativeio;

import java.io.IOException;

/** A system call failed; carries the errno the call captured and the C library's text for it. */
public final class NativeIoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    NativeIoException(final String call, final int errno) {
        super(call + " failed: " + Libc.describe(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    /** The errno the failed call captured. */
    public int errno() {
        return errno;
    }

    /** Whether a bind failed because the address is not local or the port is taken (a caller may try another). */
    public boolean cannotBind() {
        return errno == LinuxAbi.EADDRINUSE || errno == LinuxAbi.EADDRNOTAVAIL;
    }

    /** Whether the failure was EADDRINUSE: the port is taken and a caller may try another one. */
    public boolean addressInUse() {
        return errno == LinuxAbi.EADDRINUSE;
    }
}
