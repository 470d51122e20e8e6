/**
 * Linux socket I/O on {@code java.lang.foreign}: non-blocking UDP sockets, batched {@code recvmmsg}/{@code sendmmsg}
 * over off-heap buffers reused forever, epoll, kernel receive timestamps, the received TTL and TOS, the wall clock
 * and the kernel's clock-sync state. No JNI and no native build: every call is a downcall into the C library.
 *
 * <p>Everything here is Linux x86-64/aarch64 only; {@link net.twampagent.dataplane.nativeio.NativeIo#available()}
 * says whether this JVM may use it, so callers can fall back to the portable NIO code elsewhere.
 */
package net.twampagent.dataplane.nativeio;
