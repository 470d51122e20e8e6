package net.twampagent.dataplane.nativeio;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real datagrams between two native sockets on loopback, IPv4 and IPv6. */
final class DatagramBatchTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Test
    void metadataOfEveryDatagramIsReadAndTheReplyGoesBackToItsSourceOverIpv4() throws Exception {
        exchange(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void metadataOfEveryDatagramIsReadAndTheReplyGoesBackToItsSourceOverIpv6() throws Exception {
        final InetAddress loopback = InetAddress.getByName("::1");
        assumeTrue(ipv6LoopbackWorks(loopback), "no IPv6 loopback on this host");
        exchange(loopback);
    }

    private static void exchange(final InetAddress loopback) throws Exception {
        try (Arena arena = Arena.ofConfined();
                NativeUdpSocket server = NativeUdpSocket.bind(new InetSocketAddress(loopback, 0));
                NativeUdpSocket client = NativeUdpSocket.bind(new InetSocketAddress(loopback, 0))) {
            server.receiveMetadata(true);
            client.timeToLive(7);
            client.trafficClass(0xb8);
            final DatagramBatch out = new DatagramBatch(arena, 4, 256);
            final MemorySegment to = Sockaddrs.allocate(arena, server.localAddress());
            for (int i = 0; i < 3; i++) {
                out.payload(i).fill((byte) (i + 1));
                out.queueTo(i, 50 + i, to);
            }
            final long before = new NativeClock(arena).realtimeNanos();
            assertEquals(3, out.send(client.fd()));

            final DatagramBatch in = new DatagramBatch(arena, 8, 256);
            final int count = receiveAtLeast(in, server, 3);
            final long after = new NativeClock(arena).realtimeNanos();
            assertEquals(3, count);
            final MemorySegment clientAddress = Sockaddrs.allocate(arena, client.localAddress());
            for (int i = 0; i < count; i++) {
                assertEquals(50 + i, in.length(i));
                assertEquals((byte) (i + 1), in.payload(i).get(JAVA_BYTE, 49 + i));
                assertEquals(7, in.timeToLive(i));
                assertEquals(0xb8, in.trafficClass(i));
                assertFalse(in.truncated(i));
                assertTrue(in.receiveTimeNanos(i) >= before - 1_000_000 && in.receiveTimeNanos(i) <= after,
                        "kernel receive time " + in.receiveTimeNanos(i) + " outside [" + before + ", " + after + "]");
                assertTrue(in.cameFrom(i, clientAddress));
                assertFalse(in.cameFrom(i, to));
                assertEquals(client.localAddress(), in.source(i));
                in.payload(i).set(JAVA_BYTE, 0, (byte) 0x55);
                in.queueReply(i, in.length(i));
            }
            assertEquals(3, in.send(server.fd()));

            assertEquals(3, receiveAtLeast(out, client, 3));
            for (int i = 0; i < 3; i++) {
                assertEquals(50 + i, out.length(i));
                assertEquals((byte) 0x55, out.payload(i).get(JAVA_BYTE, 0));
                assertEquals(-1, out.timeToLive(i), "the client did not ask for metadata");
                assertEquals(server.localAddress(), out.source(i));
            }
        }
    }

    @Test
    void aDatagramLongerThanTheSlotIsFlaggedTruncated() throws Exception {
        final InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        try (Arena arena = Arena.ofConfined();
                NativeUdpSocket server = NativeUdpSocket.bind(loopback);
                NativeUdpSocket client = NativeUdpSocket.bind(loopback)) {
            final DatagramBatch out = new DatagramBatch(arena, 1, 1024);
            out.queueTo(0, 1000, Sockaddrs.allocate(arena, server.localAddress()));
            assertEquals(1, out.send(client.fd()));
            final DatagramBatch in = new DatagramBatch(arena, 1, 64);
            assertEquals(1, receiveAtLeast(in, server, 1));
            assertTrue(in.truncated(0));
            assertEquals(64, in.length(0), "only what fits the slot is kept");
        }
    }

    @Test
    void receivingFromAnEmptySocketReturnsNothingAtOnce() throws Exception {
        try (Arena arena = Arena.ofConfined();
                NativeUdpSocket socket = NativeUdpSocket.bind(
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            assertEquals(0, new DatagramBatch(arena, 4, 128).receive(socket.fd()));
        }
    }

    @Test
    void aDatagramThatCannotBeSentIsCountedNotThrown() throws Exception {
        try (Arena arena = Arena.ofConfined();
                NativeUdpSocket socket = NativeUdpSocket.bind(
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            final DatagramBatch batch = new DatagramBatch(arena, 2, 128);
            // an IPv6 destination on an IPv4 socket: the kernel refuses this one datagram
            batch.queueTo(0, 20, Sockaddrs.allocate(arena, new InetSocketAddress(InetAddress.getByName("::1"), 9)));
            batch.queueTo(1, 20, Sockaddrs.allocate(arena, socket.localAddress()));
            assertEquals(1, batch.send(socket.fd()));
            assertEquals(1, batch.unsent());
            assertEquals(1, receiveAtLeast(batch, socket, 1));
        }
    }

    @Test
    void payloadBytesSurviveTheRoundTripExactly() throws Exception {
        final InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        try (Arena arena = Arena.ofConfined();
                NativeUdpSocket a = NativeUdpSocket.bind(loopback);
                NativeUdpSocket b = NativeUdpSocket.bind(loopback)) {
            final byte[] data = new byte[200];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + 7);
            }
            final DatagramBatch out = new DatagramBatch(arena, 1, 256);
            MemorySegment.copy(data, 0, out.payload(0), JAVA_BYTE, 0, data.length);
            out.queueTo(0, data.length, Sockaddrs.allocate(arena, b.localAddress()));
            out.send(a.fd());
            final DatagramBatch in = new DatagramBatch(arena, 1, 256);
            receiveAtLeast(in, b, 1);
            assertArrayEquals(data, in.payload(0).asSlice(0, in.length(0)).toArray(JAVA_BYTE));
        }
    }

    /** Polls the non-blocking socket until {@code wanted} datagrams are in (bounded by time). */
    static int receiveAtLeast(final DatagramBatch batch, final NativeUdpSocket socket, final int wanted)
            throws Exception {
        try (EpollSelector epoll = new EpollSelector(1)) {
            epoll.add(socket.fd(), 1);
            final long deadline = System.nanoTime() + WAIT_NANOS;
            while (System.nanoTime() < deadline) {
                if (epoll.await(100) > 0) {
                    final int count = batch.receive(socket.fd());
                    if (count >= wanted) {
                        return count;
                    }
                }
            }
            return 0;
        }
    }

    static boolean ipv6LoopbackWorks(final InetAddress loopback) {
        try (NativeUdpSocket socket = NativeUdpSocket.bind(new InetSocketAddress(loopback, 0))) {
            return socket.localAddress().getPort() > 0;
        } catch (NativeIoException e) {
            return false;
        }
    }
}
