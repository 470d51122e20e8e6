package net.twampagent.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.twampagent.dataplane.reflector.ReflectStep;
import net.twampagent.dataplane.wire.TestPacketLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reflector's protected path against perfSONAR: twping's sender packets, reflected by {@link ReflectStep} with
 * the numbers twampd used (its sequence number, T2, T3, Error Estimate and TTL, read from its reply in clear), give
 * twampd's reply octet for octet, HMAC included.
 */
class ProtectedReflectKnownAnswerTest {
    @ParameterizedTest
    @ValueSource(strings = {"authenticated", "encrypted"})
    void ourReplyToTwpingIsTwampdsReply(final String mode) {
        final PerfsonarVectors v = PerfsonarVectors.load("perfsonar-" + mode + ".txt");
        final TestPacketProtection reflector = TestPacketProtection.forSession(v.mode(), v.sessionKeys(), v.get("sid"));
        for (int i = 0; v.has("sender-" + i); i++) {
            final byte[] sent = v.get("sender-" + i);
            final ByteBuffer theirs = ByteBuffer.wrap(v.get("reflector-" + i + "-plain"));
            final ByteBuffer packet = ByteBuffer.allocate(256);
            packet.put(0, sent);
            final int length = ReflectStep.reflect(reflector, packet, 0, sent.length, theirs.getInt(0),
                theirs.getLong(TestPacketLayout.PROTECTED_RECEIVE_TIMESTAMP),
                theirs.getShort(TestPacketLayout.PROTECTED_ERROR_ESTIMATE),
                theirs.get(TestPacketLayout.PROTECTED_SENDER_TTL) & 0xff);
            ReflectStep.stampTransmit(reflector, packet, 0, length, theirs.getLong(TestPacketLayout.PROTECTED_TIMESTAMP));
            final byte[] ours = new byte[length];
            packet.get(0, ours);
            assertEquals(HexFormat.of().formatHex(v.get("reflector-" + i)), HexFormat.of().formatHex(ours),
                mode + " reply " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"authenticated", "encrypted"})
    void aSenderPacketChangedInACoveredBlockIsRefusedAndLeftAsItCame(final String mode) {
        final PerfsonarVectors v = PerfsonarVectors.load("perfsonar-" + mode + ".txt");
        final TestPacketProtection reflector = TestPacketProtection.forSession(v.mode(), v.sessionKeys(), v.get("sid"));
        final byte[] sent = v.get("sender-0");
        sent[2] ^= 1;
        final ByteBuffer packet = ByteBuffer.allocate(256);
        packet.put(0, sent);
        assertEquals(ReflectStep.BAD_HMAC, ReflectStep.reflect(reflector, packet, 0, sent.length, 0, 1L, (short) 1,
            64));
        final byte[] after = new byte[sent.length];
        packet.get(0, after);
        assertEquals(HexFormat.of().formatHex(sent), HexFormat.of().formatHex(after));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authenticated", "encrypted"})
    void theProtectedReflectPathAllocatesNothingPerPacket(final String mode) {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final PerfsonarVectors v = PerfsonarVectors.load("perfsonar-" + mode + ".txt");
        final TestPacketProtection sender = TestPacketProtection.forSession(v.mode(), v.sessionKeys(), v.get("sid"));
        final TestPacketProtection reflector = TestPacketProtection.forSession(v.mode(), v.sessionKeys(), v.get("sid"));
        // A direct buffer, as both engines hand to ReflectStep.
        final ByteBuffer packet = ByteBuffer.allocateDirect(2048);
        final int packets = 20_000;
        reflectMany(sender, reflector, packet, packets);
        final long before = threads.getCurrentThreadAllocatedBytes();
        reflectMany(sender, reflector, packet, packets);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < packets, allocated + " octets allocated for " + packets + " packets");
    }

    private static void reflectMany(final TestPacketProtection sender, final TestPacketProtection reflector,
            final ByteBuffer packet, final int packets) {
        for (int i = 0; i < packets; i++) {
            for (int j = 0; j < TestPacketProtection.SENDER_MINIMUM; j += Long.BYTES) {
                packet.putLong(j, 0L);
            }
            packet.putInt(0, i);
            sender.sealSender(packet, 0, TestPacketProtection.SENDER_MINIMUM);
            final int length = ReflectStep.reflect(reflector, packet, 0, TestPacketProtection.SENDER_MINIMUM, i,
                i, (short) 1, 64);
            ReflectStep.stampTransmit(reflector, packet, 0, length, i + 1L);
            if (!sender.openReflector(packet, 0, length)
                    || packet.getInt(TestPacketLayout.PROTECTED_COPIED_SEQUENCE) != i) {
                throw new AssertionError("reply " + i + " did not open to its sender's number");
            }
        }
    }
}
