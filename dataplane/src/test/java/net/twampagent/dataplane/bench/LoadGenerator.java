package net.twampagent.dataplane.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import net.twampagent.dataplane.nativeio.DatagramBatch;
import net.twampagent.dataplane.nativeio.NativeClock;
import net.twampagent.dataplane.nativeio.NativeIoException;
import net.twampagent.dataplane.nativeio.NativeUdpSocket;
import net.twampagent.dataplane.nativeio.Sockaddrs;
import net.twampagent.dataplane.wire.NtpTimestamp;
import net.twampagent.dataplane.wire.TestPacketLayout;

/**
 * A batched TWAMP Session-Sender on one socket and the calling thread: sendmmsg to a list of targets in turn,
 * non-blocking recvmmsg in the same loop, either closed-loop (a window of packets in flight) or at a fixed rate.
 * Round-trip time is the kernel's receive timestamp of the reply minus the send time written in the packet;
 * residence time is T3 - T2 read from the reflected packet. Every run is bounded in time.
 */
final class LoadGenerator implements AutoCloseable {
    private static final int BATCH = 64;
    private static final int BUFFER = 8 << 20;
    private static final long DRAIN_NANOS = 200_000_000L;
    private static final long STALL_NANOS = 100_000_000L;

    /** What one run sent and got back. */
    record Run(long sent, long received, double seconds) {
        double rate() {
            return received / seconds;
        }

        double lossPercent() {
            return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        }
    }

    private final Arena arena = Arena.ofConfined();
    private final NativeUdpSocket socket;
    private final DatagramBatch batch;
    private final ByteBuffer[] views = new ByteBuffer[BATCH];
    private final NativeClock clock = new NativeClock(arena);
    private final int payload;
    private MemorySegment[] targets = new MemorySegment[0];
    private boolean twamp;
    private byte[][] sealed;
    private int nextTarget;
    private int sequence;

    LoadGenerator(final InetSocketAddress local, final int payload) throws IOException {
        if (payload < TestPacketLayout.REFLECTED_MINIMUM) {
            throw new IllegalArgumentException("payload " + payload + " is below the 41 octets of a reply");
        }
        this.socket = NativeUdpSocket.bind(local);
        socket.receiveMetadata(false);
        socket.bufferSizes(BUFFER, BUFFER);
        this.batch = new DatagramBatch(arena, BATCH, 2048);
        for (int i = 0; i < BATCH; i++) {
            views[i] = batch.payload(i).asByteBuffer();
        }
        this.payload = payload;
    }

    InetSocketAddress address() throws NativeIoException {
        return socket.localAddress();
    }

    /** Sends to these targets in turn; {@code reflectors} says whether replies are TWAMP-reflected or echoed. */
    void aim(final List<InetSocketAddress> addresses, final boolean reflectors) {
        targets = new MemorySegment[addresses.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = Sockaddrs.allocate(arena, addresses.get(i));
        }
        twamp = reflectors;
        sealed = null;
        nextTarget = 0;
    }

    /**
     * Sends to protected reflector sessions (modes 2 and 4) a packet sealed once per target, so that the crypto
     * cost measured is the reflector's alone; for closed-loop runs only, as the packets carry no send time.
     */
    void aimSealed(final List<InetSocketAddress> addresses, final byte[][] packets) {
        aim(addresses, true);
        for (byte[] packet : packets) {
            if (packet.length != payload) {
                throw new IllegalArgumentException("a sealed packet of " + packet.length + " octets, not " + payload);
            }
        }
        sealed = packets.clone();
    }

    /** Keeps {@code window} packets in flight for {@code nanos}; a stalled window is written off after 100 ms. */
    Run closedLoop(final int window, final long nanos) throws NativeIoException {
        final long start = System.nanoTime();
        final long end = start + nanos;
        long sent = 0;
        long received = 0;
        int inFlight = 0;
        long lastProgress = start;
        long now = start;
        while (now < end) {
            if (inFlight < window) {
                final int sentNow = sendBurst(Math.min(BATCH, window - inFlight));
                inFlight += sentNow;
                sent += sentNow;
            }
            final int got = receive(null, null);
            now = System.nanoTime();
            if (got > 0) {
                received += got;
                inFlight = Math.max(0, inFlight - got);
                lastProgress = now;
            } else if (now - lastProgress > STALL_NANOS) {
                inFlight = 0;
                lastProgress = now;
            }
        }
        received += drain(null, null);
        return new Run(sent, received, (now - start) / 1e9);
    }

    /** Sends {@code rate} packets per second for {@code nanos}, recording round-trip and residence samples. */
    Run fixedRate(final double rate, final long nanos, final Samples rtt, final Samples residence)
            throws NativeIoException {
        final long start = System.nanoTime();
        final long end = start + nanos;
        long sent = 0;
        long received = 0;
        long now = start;
        while (now < end) {
            final long due = (long) ((now - start) * rate / 1e9) + 1 - sent;
            if (due > 0) {
                sent += sendBurst((int) Math.min(BATCH, due));
            }
            received += receive(rtt, residence);
            now = System.nanoTime();
        }
        received += drain(rtt, residence);
        return new Run(sent, received, (now - start) / 1e9);
    }

    private int sendBurst(final int count) {
        final long t1 = NtpTimestamp.ofEpochNanos(clock.realtimeNanos());
        for (int i = 0; i < count; i++) {
            final ByteBuffer packet = views[i];
            if (sealed != null) {
                packet.put(0, sealed[nextTarget]);
            } else {
                packet.putInt(TestPacketLayout.SENDER_SEQUENCE, sequence++);
                packet.putLong(TestPacketLayout.SENDER_TIMESTAMP, t1);
                packet.putShort(TestPacketLayout.SENDER_ERROR_ESTIMATE, (short) 0x0001);
            }
            batch.queueTo(i, payload, targets[nextTarget]);
            nextTarget = nextTarget + 1 == targets.length ? 0 : nextTarget + 1;
        }
        return batch.send(socket.fd());
    }

    private int receive(final Samples rtt, final Samples residence) throws NativeIoException {
        final int count = batch.receive(socket.fd());
        if (rtt != null) {
            for (int i = 0; i < count; i++) {
                final ByteBuffer reply = views[i];
                final long t1 = reply.getLong(twamp ? TestPacketLayout.COPIED_TIMESTAMP : TestPacketLayout.SENDER_TIMESTAMP);
                rtt.add(batch.receiveTimeNanos(i) - NtpTimestamp.toEpochNanos(t1));
                if (twamp) {
                    residence.add(NtpTimestamp.differenceNanos(reply.getLong(TestPacketLayout.TIMESTAMP),
                            reply.getLong(TestPacketLayout.RECEIVE_TIMESTAMP)));
                }
            }
        }
        return count;
    }

    private long drain(final Samples rtt, final Samples residence) throws NativeIoException {
        final long end = System.nanoTime() + DRAIN_NANOS;
        long received = 0;
        while (System.nanoTime() < end) {
            received += receive(rtt, residence);
        }
        return received;
    }

    @Override
    public void close() {
        socket.close();
        arena.close();
    }
}
