package net.twampagent.dataplane.crypto;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.SharedSecret;

/**
 * Prints what the crypto costs on this machine: per test packet (the reflector's open-sender plus seal-reflector
 * in modes 2 and 4, on one core), and per connection (the server's Token check at several Counts). Each figure is
 * the median of five rounds after a warm-up, each bounded in time. Run after {@code mvn test-compile -pl dataplane}:
 * {@code java -cp dataplane/target/classes:dataplane/target/test-classes
 * net.twampagent.dataplane.crypto.PacketProtectionBenchmark}.
 */
final class PacketProtectionBenchmark {
    private static final int ROUNDS = 5;
    private static final long ROUND_NANOS = 1_000_000_000L;

    private PacketProtectionBenchmark() {
    }

    public static void main(final String[] args) {
        final SecureRandom random = new SecureRandom();
        final SessionKeys keys = SessionKeys.generate(random);
        final byte[] sid = new byte[16];
        random.nextBytes(sid);
        for (final AuthMode mode : new AuthMode[] {AuthMode.AUTHENTICATED, AuthMode.ENCRYPTED}) {
            final TestPacketProtection sender = TestPacketProtection.forSession(mode, keys, sid);
            final TestPacketProtection reflector = TestPacketProtection.forSession(mode, keys, sid);
            final ByteBuffer packet = ByteBuffer.allocateDirect(112);
            sender.sealSender(packet);
            final byte[] arriving = new byte[112];
            packet.get(0, arriving);
            final double[] nanos = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long packets = 0;
                final long start = System.nanoTime();
                long now = start;
                while (now - start < ROUND_NANOS) {
                    for (int i = 0; i < 1024; i++) {
                        packet.put(0, arriving);
                        if (!reflector.openSender(packet)) {
                            throw new IllegalStateException("a sealed packet did not open");
                        }
                        reflector.sealReflector(packet);
                    }
                    packets += 1024;
                    now = System.nanoTime();
                }
                nanos[round] = (now - start) / (double) packets;
            }
            Arrays.sort(nanos);
            final double median = nanos[ROUNDS / 2];
            System.out.printf("%-13s reflector crypto per packet (open sender + seal reply): %6.0f ns"
                + "  = %,.0f packets/s on one core%n", mode, median, 1e9 / median);
        }
        final TokenVerifier verifier = new TokenVerifier(Map.of("k", SharedSecret.ofPassphrase("secret")), random);
        final byte[] salt = new byte[16];
        final byte[] challenge = new byte[16];
        for (final int count : new int[] {1024, 2048, 32768}) {
            final byte[] token = SetupToken.seal(SharedSecret.ofPassphrase("secret"), salt, count, challenge, keys);
            verifier.verify("k", salt, count, challenge, token).orElseThrow();
            final double[] millis = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                final long start = System.nanoTime();
                verifier.verify("k", salt, count, challenge, token).orElseThrow();
                millis[round] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("Token check at Count %5d: %7.2f ms per connection%n", count, millis[ROUNDS / 2]);
        }
    }
}
