package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Preallocated {@code recvmmsg}/{@code sendmmsg} arrays for one thread: {@code capacity} payload slots with their
 * address and control-message slots, a receive header array and a send header array that point into the same
 * slots. A datagram is received into slot {@code i}, changed in place and queued back to the address it came
 * from, so reflecting copies nothing and allocates nothing. The kernel's receive timestamp, TTL / Hop Limit and
 * TOS / Traffic Class of each datagram are parsed into plain arrays right after the receive.
 *
 * <p>Not thread-safe: one batch belongs to one I/O thread, and may serve any number of sockets in turn.
 */
public final class DatagramBatch {
    /** Room for SCM_TIMESTAMPNS (32), the TTL (24) and the TOS (24) control messages. */
    static final int CONTROL_SLOT = 128;
    private static final int ADDRESS_SLOT = 32;
    private static final long ENTRY = NativeStructs.MMSGHDR.byteSize();
    private static final long IOV = NativeStructs.IOVEC.byteSize();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int capacity;
    private final int slotSize;
    private final MemorySegment receiveHeaders;
    private final MemorySegment sendHeaders;
    private final MemorySegment sendVectors;
    private final MemorySegment addresses;
    private final MemorySegment controls;
    private final MemorySegment callState;
    private final long payloadBase;
    private final long addressBase;
    private final MemorySegment[] payloadSlots;
    private final MemorySegment[] sendEntries;
    private final int[] lengths;
    private final int[] ttls;
    private final int[] trafficClasses;
    private final long[] receiveNanos;
    private final boolean[] truncated;
    private final boolean[] sent;
    private int received;
    private int queued;
    private long unsent;

    /**
     * Allocates {@code capacity} slots of {@code slotSize} payload bytes from {@code arena}; a datagram longer than a
     * slot is received truncated and flagged as such.
     */
    public DatagramBatch(final Arena arena, final int capacity, final int slotSize) {
        if (capacity < 1 || capacity > 1024) {
            throw new IllegalArgumentException("batch capacity " + capacity + " is outside 1..1024");
        }
        if (slotSize < 64 || slotSize > 65_536) {
            throw new IllegalArgumentException("slot size " + slotSize + " is outside 64..65536");
        }
        this.capacity = capacity;
        this.slotSize = slotSize;
        final MemorySegment payloads = arena.allocate((long) capacity * slotSize, 64);
        this.addresses = arena.allocate((long) capacity * ADDRESS_SLOT, 8);
        this.controls = arena.allocate((long) capacity * CONTROL_SLOT, 8);
        final MemorySegment receiveVectors = arena.allocate(NativeStructs.IOVEC, capacity);
        this.sendVectors = arena.allocate(NativeStructs.IOVEC, capacity);
        this.receiveHeaders = arena.allocate(NativeStructs.MMSGHDR, capacity);
        this.sendHeaders = arena.allocate(NativeStructs.MMSGHDR, capacity);
        this.callState = Libc.newCallState(arena);
        this.payloadBase = payloads.address();
        this.addressBase = addresses.address();
        this.payloadSlots = new MemorySegment[capacity];
        this.sendEntries = new MemorySegment[capacity];
        this.lengths = new int[capacity];
        this.ttls = new int[capacity];
        this.trafficClasses = new int[capacity];
        this.receiveNanos = new long[capacity];
        this.truncated = new boolean[capacity];
        this.sent = new boolean[capacity];
        for (int i = 0; i < capacity; i++) {
            payloadSlots[i] = payloads.asSlice((long) i * slotSize, slotSize);
            sendEntries[i] = sendHeaders.asSlice(i * ENTRY);
            receiveVectors.set(JAVA_LONG, i * IOV + NativeStructs.IOV_BASE, payloadBase + (long) i * slotSize);
            receiveVectors.set(JAVA_LONG, i * IOV + NativeStructs.IOV_LEN, slotSize);
            final long entry = i * ENTRY;
            receiveHeaders.set(JAVA_LONG, entry + NativeStructs.MSG_NAME, addressBase + (long) i * ADDRESS_SLOT);
            receiveHeaders.set(JAVA_LONG, entry + NativeStructs.MSG_IOV, receiveVectors.address() + i * IOV);
            receiveHeaders.set(JAVA_LONG, entry + NativeStructs.MSG_IOVLEN, 1);
            receiveHeaders.set(JAVA_LONG, entry + NativeStructs.MSG_CONTROL,
                    controls.address() + (long) i * CONTROL_SLOT);
            resetReceiveHeader(i);
            sendHeaders.set(JAVA_LONG, entry + NativeStructs.MSG_IOV, sendVectors.address() + i * IOV);
            sendHeaders.set(JAVA_LONG, entry + NativeStructs.MSG_IOVLEN, 1);
        }
        received = capacity;
    }

    /** How many datagrams one call can receive or send. */
    public int capacity() {
        return capacity;
    }

    /** The payload bytes of one slot. */
    public int slotSize() {
        return slotSize;
    }

    /**
     * Receives up to {@link #capacity()} datagrams from {@code fd} without waiting; returns how many arrived
     * (0 when none was queued). Any datagrams queued for sending must have been sent first: they share slots.
     */
    public int receive(final int fd) throws NativeIoException {
        for (int i = 0; i < received; i++) {
            resetReceiveHeader(i);
        }
        final int count = Libc.recvmmsg(callState, fd, receiveHeaders, capacity, LinuxAbi.MSG_DONTWAIT);
        if (count < 0) {
            received = 0;
            final int errno = Libc.errno(callState);
            if (errno == LinuxAbi.EAGAIN || errno == LinuxAbi.EINTR) {
                return 0;
            }
            throw new NativeIoException("recvmmsg(fd " + fd + ")", errno);
        }
        received = count;
        for (int i = 0; i < count; i++) {
            final long entry = i * ENTRY;
            lengths[i] = receiveHeaders.get(JAVA_INT, entry + NativeStructs.MSG_LEN);
            truncated[i] = (receiveHeaders.get(JAVA_INT, entry + NativeStructs.MSG_FLAGS) & LinuxAbi.MSG_TRUNC) != 0;
            parseControl(i, receiveHeaders.get(JAVA_LONG, entry + NativeStructs.MSG_CONTROLLEN));
        }
        return count;
    }

    /** recvmmsg overwrites the name and control lengths of every entry it fills: give them their room back. */
    private void resetReceiveHeader(final int i) {
        final long entry = i * ENTRY;
        receiveHeaders.set(JAVA_INT, entry + NativeStructs.MSG_NAMELEN, Sockaddrs.MAX_SIZE);
        receiveHeaders.set(JAVA_LONG, entry + NativeStructs.MSG_CONTROLLEN, CONTROL_SLOT);
        receiveHeaders.set(JAVA_INT, entry + NativeStructs.MSG_FLAGS, 0);
    }

    private void parseControl(final int i, final long controlLength) {
        long rx = 0;
        int ttl = -1;
        int tos = -1;
        final long base = (long) i * CONTROL_SLOT;
        final long end = base + Math.min(controlLength, CONTROL_SLOT);
        long offset = base;
        while (offset + NativeStructs.CMSG_DATA <= end) {
            final long length = controls.get(JAVA_LONG, offset);
            if (length < NativeStructs.CMSG_DATA || offset + length > end) {
                break;
            }
            final int level = controls.get(JAVA_INT, offset + NativeStructs.CMSG_LEVEL);
            final int type = controls.get(JAVA_INT, offset + NativeStructs.CMSG_TYPE);
            final long data = offset + NativeStructs.CMSG_DATA;
            if (level == LinuxAbi.SOL_SOCKET && type == LinuxAbi.SCM_TIMESTAMPNS) {
                rx = controls.get(JAVA_LONG, data) * NANOS_PER_SECOND + controls.get(JAVA_LONG, data + 8);
            } else if (level == LinuxAbi.IPPROTO_IP && type == LinuxAbi.IP_TTL) {
                ttl = controls.get(JAVA_INT, data);
            } else if (level == LinuxAbi.IPPROTO_IP && type == LinuxAbi.IP_TOS) {
                tos = Byte.toUnsignedInt(controls.get(JAVA_BYTE, data));
            } else if (level == LinuxAbi.IPPROTO_IPV6 && type == LinuxAbi.IPV6_HOPLIMIT) {
                ttl = controls.get(JAVA_INT, data);
            } else if (level == LinuxAbi.IPPROTO_IPV6 && type == LinuxAbi.IPV6_TCLASS) {
                tos = controls.get(JAVA_INT, data);
            }
            offset += NativeStructs.cmsgAlign(length);
        }
        receiveNanos[i] = rx;
        ttls[i] = ttl;
        trafficClasses[i] = tos;
    }

    /** The whole payload slot {@code i} (its first {@link #length} bytes are the received datagram). */
    public MemorySegment payload(final int i) {
        return payloadSlots[i];
    }

    /** The length of the {@code i}-th received datagram. */
    public int length(final int i) {
        return lengths[i];
    }

    /** Whether the {@code i}-th datagram was longer than a slot and lost its tail. */
    public boolean truncated(final int i) {
        return truncated[i];
    }

    /** The kernel's receive time of the {@code i}-th datagram in Unix-epoch nanoseconds, 0 if it gave none. */
    public long receiveTimeNanos(final int i) {
        return receiveNanos[i];
    }

    /** The TTL / Hop Limit the {@code i}-th datagram arrived with, -1 if the kernel did not say. */
    public int timeToLive(final int i) {
        return ttls[i];
    }

    /** The TOS octet / Traffic Class the {@code i}-th datagram arrived with, -1 if the kernel did not say. */
    public int trafficClass(final int i) {
        return trafficClasses[i];
    }

    /** Whether the {@code i}-th datagram came from the address in {@code expected} (a sockaddr). */
    public boolean cameFrom(final int i, final MemorySegment expected) {
        return Sockaddrs.samePeer(addresses, (long) i * ADDRESS_SLOT, expected);
    }

    /** The source of the {@code i}-th datagram; allocates, so not for the packet path. */
    public InetSocketAddress source(final int i) {
        return Sockaddrs.read(addresses.asSlice((long) i * ADDRESS_SLOT, ADDRESS_SLOT));
    }

    /** Queues the first {@code length} bytes of slot {@code i} to go back where its datagram came from. */
    public void queueReply(final int i, final int length) {
        queue(i, length, addressBase + (long) i * ADDRESS_SLOT,
                receiveHeaders.get(JAVA_INT, i * ENTRY + NativeStructs.MSG_NAMELEN));
    }

    /** Queues the first {@code length} bytes of slot {@code i} to the sockaddr in {@code destination}. */
    public void queueTo(final int i, final int length, final MemorySegment destination) {
        queue(i, length, destination.address(), (int) destination.byteSize());
    }

    private void queue(final int i, final int length, final long name, final int nameLength) {
        if (length < 0 || length > slotSize) {
            throw new IllegalArgumentException("datagram length " + length + " is outside 0.." + slotSize);
        }
        final int j = queued++;
        sendVectors.set(JAVA_LONG, j * IOV + NativeStructs.IOV_BASE, payloadBase + (long) i * slotSize);
        sendVectors.set(JAVA_LONG, j * IOV + NativeStructs.IOV_LEN, length);
        sendHeaders.set(JAVA_LONG, j * ENTRY + NativeStructs.MSG_NAME, name);
        sendHeaders.set(JAVA_INT, j * ENTRY + NativeStructs.MSG_NAMELEN, nameLength);
    }

    /** How many datagrams are queued for the next {@link #send}. */
    public int queued() {
        return queued;
    }

    /**
     * Sends every queued datagram on {@code fd} with as few {@code sendmmsg} calls as the kernel allows and empties
     * the queue; returns how many went out. A datagram the kernel refuses (full buffer, unreachable) is dropped
     * and counted in {@link #unsent()}, never retried: a late reflection is worse than a lost one.
     */
    public int send(final int fd) {
        Arrays.fill(sent, 0, queued, false);
        int done = 0;
        int sentCount = 0;
        while (done < queued) {
            final int count = Libc.sendmmsg(callState, fd, sendEntries[done], queued - done, 0);
            if (count > 0) {
                Arrays.fill(sent, done, done + count, true);
                done += count;
                sentCount += count;
            } else {
                final int errno = count < 0 ? Libc.errno(callState) : LinuxAbi.EAGAIN;
                if (errno == LinuxAbi.EAGAIN) {
                    break;
                }
                if (errno != LinuxAbi.EINTR) {
                    done++;
                }
            }
        }
        unsent += queued - sentCount;
        queued = 0;
        return sentCount;
    }

    /** Whether the {@code q}-th datagram queued before the last {@link #send} went out. */
    public boolean wasSent(final int q) {
        return sent[q];
    }

    /** Datagrams queued but not sent, since this batch was made. */
    public long unsent() {
        return unsent;
    }
}
