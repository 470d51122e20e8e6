package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import net.twampagent.dataplane.wire.NtpTimestamp;

/**
 * A Session-Sender for tests on the native socket layer, so it can set its TTL and read the TOS and TTL of the
 * replies, which java.net cannot.
 */
final class TestSender implements AutoCloseable {
    private final Arena arena = Arena.ofConfined();
    private final NativeUdpSocket socket;
    private final DatagramBatch batch;
    private final EpollSelector epoll;
    private final NativeClock clock = new NativeClock(arena);
    private MemorySegment target;
    private int received;
    private int next;

    TestSender(final InetSocketAddress local) throws IOException {
        socket = NativeUdpSocket.bind(local);
        socket.receiveMetadata(true);
        batch = new DatagramBatch(arena, 64, 2048);
        epoll = new EpollSelector(1);
        epoll.add(socket.fd(), 0);
    }

    InetSocketAddress address() throws NativeIoException {
        return socket.localAddress();
    }

    NativeUdpSocket socket() {
        return socket;
    }

    TestSender to(final InetSocketAddress reflector) {
        target = Sockaddrs.allocate(arena, reflector);
        return this;
    }

    /** Sends {@code count} sender packets of {@code length} octets with consecutive sequence numbers. */
    long send(final int count, final int length) {
        final long now = clock.realtimeNanos();
        for (int i = 0; i < count; i++) {
            final ByteBuffer packet = batch.payload(i).asByteBuffer();
            packet.putInt(0, next++);
            packet.putLong(4, NtpTimestamp.ofEpochNanos(now));
            packet.putShort(12, (short) 0x8001);
            batch.payload(i).asSlice(14, length - 14).fill((byte) 0);
            batch.queueTo(i, length, target);
        }
        batch.send(socket.fd());
        return now;
    }

    /** Waits for at least one reply; returns how many are in the batch (0 when none came within the time). */
    int receive(final long timeoutMillis) throws NativeIoException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        do {
            if (epoll.await(20) > 0) {
                received = batch.receive(socket.fd());
                if (received > 0) {
                    return received;
                }
            }
        } while (System.nanoTime() < deadline);
        received = 0;
        return 0;
    }

    /** Receives replies until {@code wanted} arrived or {@code timeoutMillis} passed; returns the count. */
    int drain(final int wanted, final long timeoutMillis) throws NativeIoException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int total = 0;
        while (total < wanted && System.nanoTime() < deadline) {
            if (epoll.await(20) > 0) {
                total += batch.receive(socket.fd());
            }
        }
        return total;
    }

    /** The {@code i}-th reply of the last receive, as bytes. */
    ByteBuffer reply(final int i) {
        return ByteBuffer.wrap(batch.payload(i).asSlice(0, batch.length(i)).toArray(JAVA_BYTE));
    }

    DatagramBatch batch() {
        return batch;
    }

    long now() {
        return clock.realtimeNanos();
    }

    @Override
    public void close() {
        epoll.close();
        socket.close();
        arena.close();
    }
}
