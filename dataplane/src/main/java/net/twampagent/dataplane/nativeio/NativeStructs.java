package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The C structures this package reads and writes, with their padding spelled out, and the offsets the hot path
 * uses as plain {@code long} constants. The sizes are checked against the kernel ABI when the class loads, so a
 * layout mistake fails at start-up instead of corrupting memory.
 */
final class NativeStructs {
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"), JAVA_LONG.withName("iov_len"));

    static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"), JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"), JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"), JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4));

    static final StructLayout MMSGHDR = MemoryLayout.structLayout(
            MSGHDR.withName("msg_hdr"), JAVA_INT.withName("msg_len"), MemoryLayout.paddingLayout(4));

    static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            JAVA_LONG.withName("cmsg_len"), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type"));

    static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));

    /** x86-64 packs epoll_event (12 bytes); aarch64 aligns its 64-bit data member (16 bytes). */
    static final StructLayout EPOLL_EVENT = NativeIo.isX86()
            ? MemoryLayout.structLayout(JAVA_INT.withName("events"), JAVA_LONG.withByteAlignment(4).withName("data"))
            : MemoryLayout.structLayout(JAVA_INT.withName("events"), MemoryLayout.paddingLayout(4),
                    JAVA_LONG.withName("data"));

    static final long IOV_BASE = IOVEC.byteOffset(groupElement("iov_base"));
    static final long IOV_LEN = IOVEC.byteOffset(groupElement("iov_len"));
    static final long MSG_NAME = MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement("msg_name"));
    static final long MSG_NAMELEN = MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement("msg_namelen"));
    static final long MSG_IOV = MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement("msg_iov"));
    static final long MSG_IOVLEN = MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement("msg_iovlen"));
    static final long MSG_CONTROL = MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement("msg_control"));
    static final long MSG_CONTROLLEN = MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement("msg_controllen"));
    static final long MSG_FLAGS = MMSGHDR.byteOffset(groupElement("msg_hdr"), groupElement("msg_flags"));
    static final long MSG_LEN = MMSGHDR.byteOffset(groupElement("msg_len"));
    static final long CMSG_LEVEL = CMSGHDR.byteOffset(groupElement("cmsg_level"));
    static final long CMSG_TYPE = CMSGHDR.byteOffset(groupElement("cmsg_type"));
    static final long CMSG_DATA = CMSGHDR.byteSize();
    static final long EPOLL_DATA = EPOLL_EVENT.byteOffset(groupElement("data"));

    /** sockaddr_in and sockaddr_in6: the family is host order, the port and address network order. */
    static final long SOCKADDR_IN_SIZE = 16;
    static final long SOCKADDR_IN6_SIZE = 28;
    static final long SOCKADDR_PORT = 2;
    static final long SOCKADDR_IN_ADDR = 4;
    static final long SOCKADDR_IN6_ADDR = 8;

    /** struct timex (LP64 glibc): only the fields read here; the rest is reserved space the kernel writes. */
    static final long TIMEX_SIZE = 208;
    static final long TIMEX_MAXERROR = 24;
    static final long TIMEX_ESTERROR = 32;
    static final long TIMEX_STATUS = 40;

    static {
        check("pointer", ADDRESS.byteSize(), 8);
        check("short", JAVA_SHORT.byteSize(), 2);
        check("iovec", IOVEC.byteSize(), 16);
        check("msghdr", MSGHDR.byteSize(), 56);
        check("mmsghdr", MMSGHDR.byteSize(), 64);
        check("cmsghdr", CMSGHDR.byteSize(), 16);
        check("timespec", TIMESPEC.byteSize(), 16);
        check("epoll_event", EPOLL_EVENT.byteSize(), NativeIo.isX86() ? 12 : 16);
        check("msg_controllen offset", MSG_CONTROLLEN, 40);
        check("msg_len offset", MSG_LEN, 56);
    }

    private NativeStructs() {
    }

    private static void check(final String what, final long actual, final long expected) {
        if (actual != expected) {
            throw new ExceptionInInitializerError("native layout of " + what + " is " + actual + " bytes, the Linux "
                    + "ABI says " + expected);
        }
    }

    /** CMSG_ALIGN: control messages start on 8-byte boundaries on LP64. */
    static long cmsgAlign(final long length) {
        return (length + 7) & ~7L;
    }
}
