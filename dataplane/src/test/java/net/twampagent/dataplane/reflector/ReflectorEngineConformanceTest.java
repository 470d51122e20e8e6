package net.twampagent.dataplane.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import net.twampagent.dataplane.Await;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.crypto.SessionKeys;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.SessionStats;
import net.twampagent.dataplane.wire.NtpTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReflectorEngine} must do, on real sockets on loopback. An engine joins by subclassing this
 * class and returning a fresh engine from {@link #newEngine()}.
 */
public abstract class ReflectorEngineConformanceTest {
    private static final int TIMEOUT_MILLIS = 5000;

    protected ReflectorEngine engine;

    /** A new engine for one test; closed after it. */
    protected abstract ReflectorEngine newEngine() throws IOException;

    /** The Sender TTL the engine reports for a packet sent from loopback with the system's default TTL. */
    protected int expectedSenderTtl() {
        return 255;
    }

    @BeforeEach
    void openEngine() throws IOException {
        engine = newEngine();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void reflectsWithOwnSequenceFromZeroCopiesAndTimestampsInOrder() throws Exception {
        try (DatagramSocket sender = socket("127.0.0.1"); ReflectorSession session = open(sender, 0)) {
            session.start();
            for (int i = 0; i < 3; i++) {
                final long sent = NtpTimestamp.ofEpochNanos(System.currentTimeMillis() * 1_000_000L);
                final ByteBuffer reply = exchange(sender, session, senderPacket(100 + i, sent, 27));
                assertEquals(41, reply.limit(), "14 + 27 octets of padding: the same payload back");
                assertEquals(i, reply.getInt(0), "own sequence number from 0");
                assertEquals(100 + i, reply.getInt(24), "copy of the sender sequence number");
                assertEquals(sent, reply.getLong(28), "copy of the sender timestamp");
                assertEquals(0x3FFF, reply.getShort(36), "copy of the sender error estimate");
                assertNotEquals(0, reply.getShort(12) & 0xFF, "the reflector's Multiplier is never 0");
                assertEquals(0, reply.getShort(14));
                assertEquals(0, reply.getShort(38));
                assertEquals(expectedSenderTtl(), reply.get(40) & 0xFF);
                final long t2 = reply.getLong(16);
                final long t3 = reply.getLong(4);
                assertTrue(Long.compareUnsigned(t3, t2) > 0, "T3 after T2");
                assertTrue(Math.abs(NtpTimestamp.differenceNanos(t2, sent)) < 5_000_000_000L,
                    "T2 is wall-clock time");
            }
            await(() -> session.counters().snapshot().reflected() == 3, "counted after the send");
            final SessionStats stats = session.counters().snapshot();
            assertEquals(3, stats.received());
            assertEquals(3, stats.reflected());
            assertEquals(102, stats.lastSenderSequence());
            assertEquals(2, stats.lastReflectedSequence());
            assertTrue(stats.residenceMinNanos() > 0 && stats.residenceMinNanos() <= stats.residenceAvgNanos()
                && stats.residenceAvgNanos() <= stats.residenceMaxNanos(), stats.toString());
        }
    }

    @Test
    void replyIsAt41OctetsForShortSendersAndSameLengthForPaddedOnes() throws Exception {
        try (DatagramSocket sender = socket("127.0.0.1"); ReflectorSession session = open(sender, 0)) {
            session.start();
            assertEquals(41, exchange(sender, session, senderPacket(0, 1, 0)).limit());
            final ByteBuffer big = exchange(sender, session, senderPacket(1, 1, 1000));
            assertEquals(1014, big.limit());
            assertEquals((byte) 14, big.get(41), "padding reused from its start (sender octet 14)");
        }
    }

    @Test
    void protectedSessionsCheckTheHmacFirstAndSealTheirReplies() throws Exception {
        for (AuthMode mode : new AuthMode[] {AuthMode.AUTHENTICATED, AuthMode.ENCRYPTED}) {
            final SecureRandom random = new SecureRandom();
            final SessionKeys keys = SessionKeys.generate(random);
            final byte[] sid = new byte[16];
            random.nextBytes(sid);
            final TestPacketProtection senderSide = TestPacketProtection.forSession(mode, keys, sid);
            try (DatagramSocket sender = socket("127.0.0.1");
                    ReflectorSession session = engine.open(new SessionSpec(
                        new InetSocketAddress(sender.getLocalAddress(), 0),
                        (InetSocketAddress) sender.getLocalSocketAddress(), 0,
                        TestPacketProtection.forSession(mode, keys, sid)))) {
                session.start();
                final ByteBuffer packet = ByteBuffer.allocate(48 + 100);
                packet.putInt(0, 77).putLong(16, 0x0102030405060708L);
                for (int i = 48; i < packet.capacity(); i++) {
                    packet.put(i, (byte) i);
                }
                senderSide.sealSender(packet);
                final byte[] tampered = packet.array().clone();
                tampered[20] ^= 1;  // the Timestamp: covered in encrypted mode only
                final ByteBuffer reply = exchange(sender, session, packet.array());
                assertEquals(148, reply.limit(), mode + ": the sender's length, above 112");
                assertTrue(senderSide.openReflector(reply), mode + ": the reply verifies");
                assertEquals(0, reply.getInt(0));
                assertEquals(77, reply.getInt(48), "copy of the sender sequence number");
                assertEquals(0x0102030405060708L, reply.getLong(64), "copy of the sender timestamp");
                assertEquals(expectedSenderTtl(), reply.get(80) & 0xFF);
                assertEquals((byte) 48, reply.get(112), "the sender's padding moved after the reply's HMAC");
                assertEquals(112, exchange(sender, session, sealed(senderSide, 48)).limit(), "48 in, 112 out");
                send(sender, session, new byte[47]);
                if (mode == AuthMode.AUTHENTICATED) {
                    assertEquals(148, exchange(sender, session, tampered).limit(),
                        "authenticated mode covers block 0 only, as perfSONAR does: the Timestamp is not covered");
                } else {
                    send(sender, session, tampered);
                }
                assertEquals(112, exchange(sender, session, sealed(senderSide, 48)).limit(), "still reflecting");
                final SessionStats stats = session.counters().snapshot();
                assertEquals(1, stats.dropped(DropReason.TOO_SHORT), mode.toString());
                assertEquals(mode == AuthMode.ENCRYPTED ? 1 : 0, stats.dropped(DropReason.BAD_HMAC), mode.toString());
                final byte[] badBlock0 = sealed(senderSide, 48);
                badBlock0[1] ^= 1;
                send(sender, session, badBlock0);
                await(() -> session.counters().snapshot().dropped(DropReason.BAD_HMAC) == (mode == AuthMode.ENCRYPTED
                    ? 2 : 1), mode + ": a changed block 0 is never reflected");
            }
        }
    }

    private static byte[] sealed(final TestPacketProtection protection, final int length) {
        final ByteBuffer packet = ByteBuffer.allocate(length);
        protection.sealSender(packet);
        return packet.array();
    }

    @Test
    void worksOnIpv6() throws Exception {
        try (DatagramSocket sender = socket("::1"); ReflectorSession session = open(sender, 46)) {
            session.start();
            final ByteBuffer reply = exchange(sender, session, senderPacket(9, 5, 100));
            assertEquals(9, reply.getInt(24));
            assertEquals(114, reply.limit());
        }
    }

    @Test
    void dropsAndCountsBeforeStartThenReflects() throws Exception {
        try (DatagramSocket sender = socket("127.0.0.1"); ReflectorSession session = open(sender, 0)) {
            send(sender, session, senderPacket(1, 1, 27));
            await(() -> session.counters().snapshot().dropped(DropReason.NOT_STARTED) == 1, "early packet dropped");
            session.start();
            final ByteBuffer reply = exchange(sender, session, senderPacket(2, 1, 27));
            assertEquals(2, reply.getInt(24), "the early packet was never reflected");
            assertEquals(0, reply.getInt(0), "and it took no sequence number");
        }
    }

    @Test
    void strangersAndShortPacketsAreDroppedWithoutDisturbingTheSession() throws Exception {
        try (DatagramSocket sender = socket("127.0.0.1"); DatagramSocket stranger = socket("127.0.0.1");
                ReflectorSession session = open(sender, 0)) {
            session.start();
            send(stranger, session, senderPacket(50, 1, 27));
            send(sender, session, new byte[13]);
            await(() -> session.counters().snapshot().droppedTotal() == 2, "both dropped");
            final SessionStats stats = session.counters().snapshot();
            assertEquals(1, stats.dropped(DropReason.STRANGER));
            assertEquals(1, stats.dropped(DropReason.TOO_SHORT));
            final ByteBuffer reply = exchange(sender, session, senderPacket(7, 1, 27));
            assertEquals(0, reply.getInt(0));
            assertEquals(7, reply.getInt(24));
            stranger.setSoTimeout(1);
            try {
                stranger.receive(new DatagramPacket(new byte[100], 100));
                fail("the stranger got a reply");
            } catch (SocketTimeoutException expected) {
                // nothing was sent to it
            }
        }
    }

    @Test
    void reflectsUntilTheStopDeadlineAndDropsAfterIt() throws Exception {
        try (DatagramSocket sender = socket("127.0.0.1"); ReflectorSession session = open(sender, 0)) {
            session.start();
            session.stopAt(System.nanoTime() + 60_000_000_000L);
            assertEquals(1, exchange(sender, session, senderPacket(1, 1, 27)).getInt(24));
            session.stopAt(System.nanoTime() - 1);
            send(sender, session, senderPacket(2, 1, 27));
            await(() -> session.counters().snapshot().dropped(DropReason.AFTER_STOP) == 1, "late packet dropped");
            assertEquals(1, session.counters().snapshot().reflected());
        }
    }

    @Test
    void sessionsKeepTheirOwnSequenceNumbersAndClosingReleasesThePort() throws Exception {
        try (DatagramSocket a = socket("127.0.0.1"); DatagramSocket b = socket("127.0.0.1")) {
            final int port;
            try (ReflectorSession sa = open(a, 0); ReflectorSession sb = open(b, 0)) {
                sa.start();
                sb.start();
                exchange(a, sa, senderPacket(1, 1, 27));
                assertEquals(1, exchange(a, sa, senderPacket(2, 1, 27)).getInt(0));
                assertEquals(0, exchange(b, sb, senderPacket(1, 1, 27)).getInt(0));
                port = sa.localAddress().getPort();
            }
            try (ReflectorSession again = engine.open(new SessionSpec(
                    new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port),
                    (InetSocketAddress) a.getLocalSocketAddress(), 0))) {
                assertEquals(port, again.localAddress().getPort());
            }
        }
    }

    @Test
    void aTakenPortIsABindException() throws Exception {
        try (DatagramSocket sender = socket("127.0.0.1"); ReflectorSession session = open(sender, 0)) {
            final SessionSpec same = new SessionSpec(session.localAddress(),
                (InetSocketAddress) sender.getLocalSocketAddress(), 0);
            try {
                engine.open(same).close();
                fail("bound a port that is taken");
            } catch (java.net.BindException expected) {
                // the control layer offers another port on this
            }
        }
    }

    /** Opens a session on the sender's loopback address, any port, whose peer is {@code sender}. */
    protected ReflectorSession open(final DatagramSocket sender, final int dscp) throws IOException {
        final InetAddress loopback = sender.getLocalAddress();
        return engine.open(new SessionSpec(new InetSocketAddress(loopback, 0),
            (InetSocketAddress) sender.getLocalSocketAddress(), dscp));
    }

    protected static DatagramSocket socket(final String address) throws IOException {
        final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    protected static byte[] senderPacket(final int sequence, final long timestamp, final int padding) {
        final ByteBuffer buf = ByteBuffer.allocate(14 + padding);
        buf.putInt(sequence).putLong(timestamp).putShort((short) 0x3FFF);
        for (int i = 14; i < buf.capacity(); i++) {
            buf.put((byte) i);
        }
        return buf.array();
    }

    protected static void send(final DatagramSocket from, final ReflectorSession to, final byte[] packet)
            throws IOException {
        from.send(new DatagramPacket(packet, packet.length, to.localAddress()));
    }

    protected static ByteBuffer exchange(final DatagramSocket from, final ReflectorSession to, final byte[] packet)
            throws IOException {
        send(from, to, packet);
        final DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
        from.receive(reply);
        assertEquals(to.localAddress(), reply.getSocketAddress(), "the reply comes from the session's port");
        return ByteBuffer.wrap(reply.getData(), 0, reply.getLength()).slice();
    }

    protected static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        Await.until(condition, Duration.ofMillis(TIMEOUT_MILLIS), what);
    }
}
