package net.twampagent.dataplane.nativeio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import net.twampagent.dataplane.Await;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.reflector.ReflectorSession;
import net.twampagent.dataplane.reflector.SessionSpec;
import net.twampagent.dataplane.wire.ErrorEstimate;
import net.twampagent.dataplane.wire.NtpTimestamp;
import net.twampagent.dataplane.wire.TestPacketLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only the native engine can do: the real TTL, DSCP seen by the client, kernel timestamps, no allocation. */
final class FfmReflectorEngineTest {
    private static final InetAddress V4 = InetAddress.getLoopbackAddress();
    private static FfmReflectorEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = new FfmReflectorEngine(FfmEngineSettings.defaults().withThreads(2).withWarmupRounds(2_000));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static ReflectorSession startedSession(final TestSender sender, final int dscp) throws Exception {
        final ReflectorSession session = engine.open(
                new SessionSpec(new InetSocketAddress(sender.address().getAddress(), 0), sender.address(), dscp));
        session.start();
        sender.to(session.localAddress());
        return session;
    }

    @Test
    void theSenderTtlIsTheOneThePacketArrivedWith() throws Exception {
        try (TestSender sender = new TestSender(new InetSocketAddress(V4, 0));
                ReflectorSession session = startedSession(sender, 0)) {
            for (int ttl : new int[] {1, 2, 64, 200, 255}) {
                sender.socket().timeToLive(ttl);
                sender.send(1, 64);
                assertEquals(1, sender.receive(5_000), "no reply for TTL " + ttl);
                assertEquals(ttl, Byte.toUnsignedInt(sender.reply(0).get(TestPacketLayout.SENDER_TTL)));
            }
            assertEquals(5, session.counters().snapshot().received());
        }
    }

    @Test
    void repliesLeaveWithTtl255SoTwpingCountsNoReflectHops() throws Exception {
        final InetAddress v6 = InetAddress.getByName("::1");
        for (InetAddress loopback : DatagramBatchTest.ipv6LoopbackWorks(v6) ? List.of(V4, v6) : List.of(V4)) {
            try (TestSender sender = new TestSender(new InetSocketAddress(loopback, 0));
                    ReflectorSession session = startedSession(sender, 0)) {
                sender.send(1, 41);
                assertEquals(1, sender.receive(5_000), "no reply over " + loopback);
                assertEquals(255, sender.batch().timeToLive(0), "TTL / Hop Limit of the reply over " + loopback);
            }
        }
    }

    @Test
    void theHopLimitComesBackOverIpv6() throws Exception {
        final InetAddress v6 = InetAddress.getByName("::1");
        assumeTrue(DatagramBatchTest.ipv6LoopbackWorks(v6), "no IPv6 loopback on this host");
        try (TestSender sender = new TestSender(new InetSocketAddress(v6, 0));
                ReflectorSession session = startedSession(sender, 10)) {
            sender.socket().timeToLive(33);
            sender.send(1, 41);
            assertEquals(1, sender.receive(5_000));
            assertEquals(33, Byte.toUnsignedInt(sender.reply(0).get(TestPacketLayout.SENDER_TTL)));
            assertEquals(10, sender.batch().trafficClass(0) >> 2, "Traffic Class carries the session's DSCP");
            assertEquals(1, session.counters().snapshot().received());
        }
    }

    @Test
    void everyReplyCarriesTheSessionsDscp() throws Exception {
        for (int dscp : new int[] {0, 10, 46, 63}) {
            try (TestSender sender = new TestSender(new InetSocketAddress(V4, 0));
                    ReflectorSession session = startedSession(sender, dscp)) {
                sender.send(3, 64);
                assertEquals(3, sender.drain(3, 5_000));
                assertEquals(dscp, sender.batch().trafficClass(0) >> 2, "DSCP of the reply seen with IP_RECVTOS");
                assertEquals(3, session.counters().snapshot().received());
            }
        }
    }

    @Test
    void receiveTimeIsTheKernelsAndTransmitTimeFollowsIt() throws Exception {
        try (TestSender sender = new TestSender(new InetSocketAddress(V4, 0));
                ReflectorSession session = startedSession(sender, 0)) {
            final long sent = sender.send(1, 64);
            assertEquals(1, sender.receive(5_000));
            final long arrived = sender.batch().receiveTimeNanos(0);
            final ByteBuffer reply = sender.reply(0);
            final long t2 = NtpTimestamp.toEpochNanos(reply.getLong(TestPacketLayout.RECEIVE_TIMESTAMP));
            final long t3 = NtpTimestamp.toEpochNanos(reply.getLong(TestPacketLayout.TIMESTAMP));
            assertTrue(sent <= t2 + 1, "T2 " + t2 + " before the send " + sent);
            assertTrue(t2 < t3, "T2 " + t2 + " not before T3 " + t3);
            assertTrue(t3 <= arrived + 1, "T3 " + t3 + " after the reply arrived " + arrived);
            assertTrue(arrived - sent < 1_000_000_000L, "round trip of a second on loopback");
            final short estimate = reply.getShort(TestPacketLayout.ERROR_ESTIMATE);
            assertTrue(ErrorEstimate.multiplier(estimate) > 0);
            // Counted after sendmmsg returned, so possibly after the reply was already here.
            Await.until(() -> session.counters().snapshot().reflected() == 1, Duration.ofSeconds(5),
                "the reply counted as reflected");
        }
    }

    @Test
    void aTakenPortIsABindException() throws Exception {
        try (TestSender sender = new TestSender(new InetSocketAddress(V4, 0));
                ReflectorSession first = startedSession(sender, 0)) {
            assertThrows(BindException.class,
                    () -> engine.open(new SessionSpec(first.localAddress(), sender.address(), 0)));
        }
    }

    @Test
    void closingASessionReleasesItsPortAtOnce() throws Exception {
        try (TestSender sender = new TestSender(new InetSocketAddress(V4, 0))) {
            final ReflectorSession session = startedSession(sender, 0);
            final InetSocketAddress port = session.localAddress();
            session.close();
            try (NativeUdpSocket again = NativeUdpSocket.bind(port)) {
                assertEquals(port, again.localAddress());
            }
        }
    }

    @Test
    void theReflectorThreadAllocatesNothingPerPacket() throws Exception {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (FfmReflectorEngine single = new FfmReflectorEngine(
                        FfmEngineSettings.defaults().withThreads(1).withWarmupRounds(4_000));
                TestSender sender = new TestSender(new InetSocketAddress(V4, 0))) {
            final ReflectorSession session = single.open(
                    new SessionSpec(new InetSocketAddress(V4, 0), sender.address(), 46));
            session.start();
            sender.to(session.localAddress());
            final long thread = single.threadIds().get(0);
            // The first bursts may still run code C2 has not finished compiling (the errno capture of a downcall
            // allocates a slice until it is compiled); the steady state must allocate nothing.
            final int packets = 20_000;
            final StringBuilder seen = new StringBuilder();
            boolean clean = false;
            for (int round = 0; round < 8 && !clean; round++) {
                final long before = threads.getThreadAllocatedBytes(thread);
                final int reflected = burst(sender, packets);
                final long allocated = threads.getThreadAllocatedBytes(thread) - before;
                assertTrue(reflected >= packets * 99 / 100, "only " + reflected + " of " + packets + " came back");
                seen.append(allocated).append(' ');
                clean = allocated < 64 * 1024;
            }
            assertTrue(clean, "bytes allocated by the reflector thread per burst of " + packets + ": " + seen);
            session.close();
        }
    }

    /** Closed loop, 32 in flight; bounded by count and by time. */
    private static int burst(final TestSender sender, final int packets) throws Exception {
        int back = 0;
        final long deadline = System.nanoTime() + 30_000_000_000L;
        for (int sent = 0; sent < packets && System.nanoTime() < deadline; sent += 32) {
            sender.send(32, 64);
            back += sender.drain(32, 2_000);
        }
        return back;
    }

    @Test
    void theEngineIsChosenAutomaticallyAndNioCanBeForced() throws Exception {
        final FfmEngineSettings settings = FfmEngineSettings.defaults().withThreads(1).withWarmupRounds(0);
        try (ReflectorEngine auto = ReflectorEngines.create("auto", settings);
                ReflectorEngine nio = ReflectorEngines.create("NIO", settings)) {
            assertEquals("ffm", auto.name());
            assertInstanceOf(FfmReflectorEngine.class, auto);
            assertEquals("nio", nio.name());
        }
        final IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> ReflectorEngines.create("dpdk", settings));
        assertTrue(wrong.getMessage().contains("'dpdk'"));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FfmEngineSettings(0, 32, 0, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FfmEngineSettings(1, 0, 0, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FfmEngineSettings(1, 32, -1, 0, List.of()));
    }
}
