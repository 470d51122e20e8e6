package net.twampagent.dataplane.control;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Makes SIDs the way RFC 4656 §3.5 suggests: 4 octets of the receiver's address (the low 4 of an IPv6
 * address), the 8-octet NTP time of the Accept-Session, then 4 random octets.
 */
final class SidGenerator {
    private final Random random;

    SidGenerator(final Random random) {
        this.random = random;
    }

    SidGenerator() {
        this(new SecureRandom());
    }

    byte[] next(final InetAddress receiver, final long ntpNow) {
        final byte[] addr = receiver.getAddress();
        return ByteBuffer.allocate(16).put(addr, addr.length - 4, 4).putLong(ntpNow).putInt(random.nextInt())
            .array();
    }
}
