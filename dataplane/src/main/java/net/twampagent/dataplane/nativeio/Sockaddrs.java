package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * Encodes and decodes {@code sockaddr_in} / {@code sockaddr_in6}, and compares a received address with an expected
 * one without creating Java objects (the reflector checks every packet's source this way).
 */
public final class Sockaddrs {
    /** Room for either family. */
    static final int MAX_SIZE = (int) NativeStructs.SOCKADDR_IN6_SIZE;

    private static final ValueLayout.OfShort PORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

    private Sockaddrs() {
    }

    /** A native sockaddr of exactly the length {@code address} needs, for {@link DatagramBatch#queueTo} and peers. */
    public static MemorySegment allocate(final Arena arena, final InetSocketAddress address) {
        final MemorySegment room = arena.allocate(MAX_SIZE, 8);
        return room.asSlice(0, write(room, address));
    }

    /** Writes {@code address} at the start of {@code target}; returns the length to pass to the kernel. */
    static int write(final MemorySegment target, final InetSocketAddress address) {
        final InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        final byte[] raw = ip.getAddress();
        final boolean v6 = raw.length == 16;
        final long size = v6 ? NativeStructs.SOCKADDR_IN6_SIZE : NativeStructs.SOCKADDR_IN_SIZE;
        target.asSlice(0, size).fill((byte) 0);
        target.set(JAVA_SHORT, 0, (short) (v6 ? LinuxAbi.AF_INET6 : LinuxAbi.AF_INET));
        target.set(PORT, NativeStructs.SOCKADDR_PORT, (short) address.getPort());
        MemorySegment.copy(raw, 0, target, JAVA_BYTE,
                v6 ? NativeStructs.SOCKADDR_IN6_ADDR : NativeStructs.SOCKADDR_IN_ADDR, raw.length);
        if (v6 && ip instanceof Inet6Address scoped && scoped.getScopeId() != 0) {
            target.set(JAVA_INT, 24, scoped.getScopeId());
        }
        return (int) size;
    }

    /** Reads the address the kernel wrote; allocates, so only for set-up, tests and error paths. */
    static InetSocketAddress read(final MemorySegment source) {
        final int family = source.get(JAVA_SHORT, 0);
        final int port = Short.toUnsignedInt(source.get(PORT, NativeStructs.SOCKADDR_PORT));
        final byte[] raw;
        if (family == LinuxAbi.AF_INET) {
            raw = source.asSlice(NativeStructs.SOCKADDR_IN_ADDR, 4).toArray(JAVA_BYTE);
        } else if (family == LinuxAbi.AF_INET6) {
            raw = source.asSlice(NativeStructs.SOCKADDR_IN6_ADDR, 16).toArray(JAVA_BYTE);
        } else {
            throw new IllegalArgumentException("not an IP socket address: family " + family);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(raw), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4- or 16-byte address is always valid", e);
        }
    }

    /**
     * Whether the socket address at {@code at} in {@code slots} and {@code expected} name the same family, port and address (IPv6 flow label and scope are not
     * compared: the kernel reports what arrived, the expectation is what was negotiated).
     */
    static boolean samePeer(final MemorySegment slots, final long at, final MemorySegment expected) {
        final short family = slots.get(JAVA_SHORT, at);
        if (family != expected.get(JAVA_SHORT, 0)) {
            return false;
        }
        if (slots.get(PORT, at + NativeStructs.SOCKADDR_PORT) != expected.get(PORT, NativeStructs.SOCKADDR_PORT)) {
            return false;
        }
        if (family == LinuxAbi.AF_INET) {
            return slots.get(JAVA_INT_UNALIGNED, at + NativeStructs.SOCKADDR_IN_ADDR)
                    == expected.get(JAVA_INT_UNALIGNED, NativeStructs.SOCKADDR_IN_ADDR);
        }
        return slots.get(JAVA_LONG_UNALIGNED, at + NativeStructs.SOCKADDR_IN6_ADDR)
                == expected.get(JAVA_LONG_UNALIGNED, NativeStructs.SOCKADDR_IN6_ADDR)
                && slots.get(JAVA_LONG_UNALIGNED, at + NativeStructs.SOCKADDR_IN6_ADDR + 8)
                == expected.get(JAVA_LONG_UNALIGNED, NativeStructs.SOCKADDR_IN6_ADDR + 8);
    }
}
