package net.twampagent.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import net.twampagent.dataplane.config.AuthMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPacketProtectionTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SessionKeys KEYS = SessionKeys.generate(RANDOM);
    private static final byte[] SID = random(16);

    private static byte[] random(final int length) {
        final byte[] octets = new byte[length];
        RANDOM.nextBytes(octets);
        return octets;
    }

    private static TestPacketProtection protection(final AuthMode mode) {
        return TestPacketProtection.forSession(mode, KEYS, SID);
    }

    /** Octets the mode encrypts and covers: the sender's and the reflector's. */
    private static int covered(final AuthMode mode, final boolean reflector) {
        if (mode == AuthMode.AUTHENTICATED) {
            return 16;
        }
        return reflector ? 96 : 32;
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"AUTHENTICATED", "ENCRYPTED"})
    void senderAndReflectorPacketsRoundTripWithPadding(final AuthMode mode) {
        final TestPacketProtection sender = protection(mode);
        final TestPacketProtection reflector = protection(mode);
        final byte[] plain = random(48 + 27);
        final ByteBuffer packet = ByteBuffer.wrap(plain.clone());
        sender.sealSender(packet);
        final int covered = covered(mode, false);
        assertFalse(Arrays.equals(plain, 0, covered, packet.array(), 0, covered), "covered blocks are encrypted");
        assertArrayEquals(Arrays.copyOfRange(plain, covered, 32), Arrays.copyOfRange(packet.array(), covered, 32),
            "what is not covered travels in clear");
        assertArrayEquals(Arrays.copyOfRange(plain, 48, 75), Arrays.copyOfRange(packet.array(), 48, 75));
        assertTrue(reflector.openSender(packet));
        assertArrayEquals(Arrays.copyOf(plain, 32), Arrays.copyOf(packet.array(), 32));

        final byte[] reply = random(112 + 9);
        final ByteBuffer reflected = ByteBuffer.allocateDirect(reply.length).put(reply).flip();
        reflector.sealReflector(reflected);
        assertTrue(sender.openReflector(reflected));
        final byte[] opened = new byte[reply.length];
        reflected.get(0, opened);
        assertArrayEquals(Arrays.copyOf(reply, 96), Arrays.copyOf(opened, 96));
        assertArrayEquals(Arrays.copyOfRange(reply, 112, reply.length), Arrays.copyOfRange(opened, 112, reply.length));
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"AUTHENTICATED", "ENCRYPTED"})
    void alteringACoveredOctetOrTheHmacIsRefusedAndLeavesThePacketAsItCame(final AuthMode mode) {
        final TestPacketProtection sender = protection(mode);
        final TestPacketProtection reflector = protection(mode);
        final ByteBuffer sealed = ByteBuffer.wrap(random(112));
        reflector.sealReflector(sealed);
        final int covered = covered(mode, true);
        for (int i = 0; i < 112; i++) {
            if (i >= covered && i < 96) {
                continue;
            }
            final byte[] altered = sealed.array().clone();
            altered[i] ^= (byte) 0x40;
            final ByteBuffer packet = ByteBuffer.wrap(altered.clone());
            assertFalse(sender.openReflector(packet), "altered octet " + i);
            assertArrayEquals(altered, packet.array());
        }
        assertTrue(sender.openReflector(sealed), "the state is sound after refusals");
    }

    /**
     * perfSONAR's authenticated mode covers only the Sequence Number block: timestamps and padding are not
     * authenticated, and a packet altered there still opens. This pins that interop behaviour.
     */
    @Test
    void authenticatedModeLeavesTimestampsAndPaddingUncovered() {
        final TestPacketProtection sender = protection(AuthMode.AUTHENTICATED);
        final TestPacketProtection reflector = protection(AuthMode.AUTHENTICATED);
        final ByteBuffer packet = ByteBuffer.wrap(random(64));
        sender.sealSender(packet);
        packet.put(20, (byte) (packet.get(20) ^ 1)).put(60, (byte) (packet.get(60) ^ 1));
        assertTrue(reflector.openSender(packet));
    }

    @Test
    void encryptedModeCoversTheTimestampsButNotThePadding() {
        final TestPacketProtection sender = protection(AuthMode.ENCRYPTED);
        final TestPacketProtection reflector = protection(AuthMode.ENCRYPTED);
        final ByteBuffer packet = ByteBuffer.wrap(random(64));
        sender.sealSender(packet);
        final byte[] sealed = packet.array().clone();
        packet.put(60, (byte) (packet.get(60) ^ 1));
        assertTrue(reflector.openSender(packet));
        final ByteBuffer timestamp = ByteBuffer.wrap(sealed);
        timestamp.put(20, (byte) (timestamp.get(20) ^ 1));
        assertFalse(reflector.openSender(timestamp));
    }

    @Test
    void anotherSessionsKeysCannotOpenThePacket() {
        final ByteBuffer packet = ByteBuffer.wrap(random(48));
        protection(AuthMode.ENCRYPTED).sealSender(packet);
        assertFalse(TestPacketProtection.forSession(AuthMode.ENCRYPTED, KEYS, random(16)).openSender(packet));
        assertFalse(TestPacketProtection.forSession(AuthMode.ENCRYPTED, SessionKeys.generate(RANDOM), SID)
            .openSender(packet));
    }

    @Test
    void thePacketMayStartAnywhereInTheBufferAndNothingOutsideItChanges() {
        final TestPacketProtection sender = protection(AuthMode.ENCRYPTED);
        final TestPacketProtection reflector = protection(AuthMode.ENCRYPTED);
        final byte[] backing = random(200);
        final byte[] before = backing.clone();
        final ByteBuffer packet = ByteBuffer.wrap(backing).position(30).limit(30 + 112);
        sender.sealReflector(packet);
        assertEquals(30, packet.position());
        assertEquals(142, packet.limit());
        assertArrayEquals(Arrays.copyOf(before, 30), Arrays.copyOf(backing, 30));
        assertArrayEquals(Arrays.copyOfRange(before, 142, 200), Arrays.copyOfRange(backing, 142, 200));
        assertTrue(reflector.openReflector(packet));
        System.arraycopy(backing, 126, before, 126, 16);
        assertArrayEquals(before, backing, "all is as before but the HMAC field, which keeps the HMAC");
    }

    @Test
    void shortPacketsAreRefusedToOpenAndToSeal() {
        final TestPacketProtection protection = protection(AuthMode.AUTHENTICATED);
        assertFalse(protection.openSender(ByteBuffer.allocate(47)));
        assertFalse(protection.openReflector(ByteBuffer.allocate(111)));
        assertFalse(protection.openReflector(ByteBuffer.allocate(104)), "the pre-erratum-5045 size");
        assertEquals("a protected sender packet has at least 48 octets, not 14",
            assertThrows(IllegalArgumentException.class, () -> protection.sealSender(ByteBuffer.allocate(14)))
                .getMessage());
        assertEquals("a protected reflector packet has at least 112 octets, not 41",
            assertThrows(IllegalArgumentException.class, () -> protection.sealReflector(ByteBuffer.allocate(41)))
                .getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"NONE", "CONTROL_ONLY_ENCRYPTED"})
    void modesWithClearTestPacketsHaveNoProtection(final AuthMode mode) {
        assertEquals("test packets are not protected in mode " + mode,
            assertThrows(IllegalArgumentException.class, () -> protection(mode)).getMessage());
    }

    @Test
    void aSidOfTheWrongSizeIsRefused() {
        assertEquals("SID must be 16 octets, not 12", assertThrows(IllegalArgumentException.class,
            () -> TestPacketProtection.forSession(AuthMode.ENCRYPTED, KEYS, new byte[12])).getMessage());
    }

    /**
     * The reflector's hot path: sealing and opening allocate nothing, whether the packet is in a heap or a
     * direct buffer. The JDK's Mac would cost 40 octets a digest; the bound allows less than one octet a packet.
     */
    @Test
    void sealingAndOpeningAllocateNothing() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final TestPacketProtection sender = protection(AuthMode.ENCRYPTED);
        final TestPacketProtection reflector = protection(AuthMode.ENCRYPTED);
        final ByteBuffer heap = ByteBuffer.wrap(random(112));
        final ByteBuffer direct = ByteBuffer.allocateDirect(112).put(random(112)).flip();
        final int packets = 20_000;
        cycle(sender, reflector, heap, direct, packets);
        final long before = threads.getCurrentThreadAllocatedBytes();
        cycle(sender, reflector, heap, direct, packets);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < packets, allocated + " octets allocated for " + packets + " packets");
    }

    private static void cycle(final TestPacketProtection sender, final TestPacketProtection reflector,
            final ByteBuffer heap, final ByteBuffer direct, final int packets) {
        for (int i = 0; i < packets; i++) {
            final ByteBuffer packet = (i & 1) == 0 ? heap : direct;
            sender.sealSender(packet);
            if (!reflector.openSender(packet)) {
                throw new AssertionError("sender packet " + i + " did not open");
            }
            reflector.sealReflector(packet);
            if (!sender.openReflector(packet)) {
                throw new AssertionError("reflector packet " + i + " did not open");
            }
        }
    }
}
