package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A non-blocking, close-on-exec UDP socket owned by its file descriptor. Set-up calls (bind, options) allocate a
 * little and may throw; packet I/O goes through {@link DatagramBatch}, which allocates nothing.
 */
public final class NativeUdpSocket implements AutoCloseable {
    private final int fd;
    private final boolean ipv6;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NativeUdpSocket(final int fd, final boolean ipv6) {
        this.fd = fd;
        this.ipv6 = ipv6;
    }

    /** Opens a socket of the family of {@code local} and binds it there (port 0 picks a free port). */
    public static NativeUdpSocket bind(final InetSocketAddress local) throws NativeIoException {
        final boolean v6 = local.getAddress().getAddress().length == 16;
        final NativeUdpSocket socket = open(v6);
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment state = Libc.newCallState(arena);
            if (v6) {
                socket.setOption(LinuxAbi.IPPROTO_IPV6, LinuxAbi.IPV6_V6ONLY, 1);
            }
            final MemorySegment address = arena.allocate(Sockaddrs.MAX_SIZE, 8);
            final int length = Sockaddrs.write(address, local);
            if (Libc.bind(state, socket.fd, address, length) != 0) {
                throw new NativeIoException("bind(" + local + ")", Libc.errno(state));
            }
            return socket;
        } catch (NativeIoException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static NativeUdpSocket open(final boolean v6) throws NativeIoException {
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment state = Libc.newCallState(arena);
            final int fd = Libc.socket(state, v6 ? LinuxAbi.AF_INET6 : LinuxAbi.AF_INET,
                    LinuxAbi.SOCK_DGRAM | LinuxAbi.SOCK_NONBLOCK | LinuxAbi.SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new NativeIoException("socket(" + (v6 ? "AF_INET6" : "AF_INET") + ", SOCK_DGRAM)",
                        Libc.errno(state));
            }
            return new NativeUdpSocket(fd, v6);
        }
    }

    /** The file descriptor, for epoll and the batch calls. */
    public int fd() {
        return fd;
    }

    /** Whether this is an AF_INET6 socket. */
    public boolean ipv6() {
        return ipv6;
    }

    /** The address the socket is bound to. */
    public InetSocketAddress localAddress() throws NativeIoException {
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment state = Libc.newCallState(arena);
            final MemorySegment address = arena.allocate(Sockaddrs.MAX_SIZE, 8);
            final MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, Sockaddrs.MAX_SIZE);
            if (Libc.getsockname(state, fd, address, length) != 0) {
                throw new NativeIoException("getsockname", Libc.errno(state));
            }
            return Sockaddrs.read(address);
        }
    }

    /**
     * Asks the kernel for the receive timestamp (SO_TIMESTAMPNS) and the TTL / Hop Limit of every datagram, and
     * its TOS / Traffic Class when {@code withTrafficClass} is set; {@link DatagramBatch} parses them.
     */
    public void receiveMetadata(final boolean withTrafficClass) throws NativeIoException {
        setOption(LinuxAbi.SOL_SOCKET, LinuxAbi.SO_TIMESTAMPNS, 1);
        if (ipv6) {
            setOption(LinuxAbi.IPPROTO_IPV6, LinuxAbi.IPV6_RECVHOPLIMIT, 1);
            if (withTrafficClass) {
                setOption(LinuxAbi.IPPROTO_IPV6, LinuxAbi.IPV6_RECVTCLASS, 1);
            }
        } else {
            setOption(LinuxAbi.IPPROTO_IP, LinuxAbi.IP_RECVTTL, 1);
            if (withTrafficClass) {
                setOption(LinuxAbi.IPPROTO_IP, LinuxAbi.IP_RECVTOS, 1);
            }
        }
    }

    /** The TOS octet (DSCP << 2 | ECN) / IPv6 Traffic Class of every datagram this socket sends. */
    public void trafficClass(final int tos) throws NativeIoException {
        if (tos < 0 || tos > 255) {
            throw new IllegalArgumentException("TOS " + tos + " is outside 0..255");
        }
        if (ipv6) {
            setOption(LinuxAbi.IPPROTO_IPV6, LinuxAbi.IPV6_TCLASS, tos);
        } else {
            setOption(LinuxAbi.IPPROTO_IP, LinuxAbi.IP_TOS, tos);
        }
    }

    /** The TTL / Hop Limit of every datagram this socket sends. */
    public void timeToLive(final int ttl) throws NativeIoException {
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("TTL " + ttl + " is outside 1..255");
        }
        setOption(ipv6 ? LinuxAbi.IPPROTO_IPV6 : LinuxAbi.IPPROTO_IP,
                ipv6 ? LinuxAbi.IPV6_UNICAST_HOPS : LinuxAbi.IP_TTL, ttl);
    }

    /**
     * Socket buffer sizes in bytes: the forcing variants first (they pass the sysctl ceiling when the process has
     * CAP_NET_ADMIN), the ordinary ones otherwise.
     */
    public void bufferSizes(final int receive, final int send) throws NativeIoException {
        if (!trySetOption(LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUFFORCE, receive)) {
            setOption(LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF, receive);
        }
        if (!trySetOption(LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUFFORCE, send)) {
            setOption(LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF, send);
        }
    }

    /** The receive buffer the kernel actually granted (it doubles the requested value for its bookkeeping). */
    public int receiveBufferSize() throws NativeIoException {
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment state = Libc.newCallState(arena);
            final MemorySegment value = arena.allocate(JAVA_INT);
            final MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, 4);
            if (Libc.getsockopt(state, fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF, value, length) != 0) {
                throw new NativeIoException("getsockopt(SO_RCVBUF)", Libc.errno(state));
            }
            return value.get(JAVA_INT, 0);
        }
    }

    void setOption(final int level, final int name, final int value) throws NativeIoException {
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment state = Libc.newCallState(arena);
            if (Libc.setsockopt(state, fd, level, name, arena.allocateFrom(JAVA_INT, value), 4) != 0) {
                throw new NativeIoException("setsockopt(level " + level + ", option " + name + ", " + value + ")",
                        Libc.errno(state));
            }
        }
    }

    private boolean trySetOption(final int level, final int name, final int value) {
        try {
            setOption(level, name, value);
            return true;
        } catch (NativeIoException e) {
            return false;
        }
    }

    /** Closes the descriptor once; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try (Arena arena = Arena.ofConfined()) {
                Libc.close(Libc.newCallState(arena), fd);
            }
        }
    }

    @Override
    public String toString() {
        return "NativeUdpSocket[fd " + fd + (ipv6 ? ", IPv6]" : ", IPv4]");
    }
}
