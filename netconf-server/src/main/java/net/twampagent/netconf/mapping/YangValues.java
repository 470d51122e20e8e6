package net.twampagent.netconf.mapping;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

/** Java values in the lexical and value forms of the YANG types the state and notifications use. */
final class YangValues {
    private static final int IPV6_GROUPS = 8;

    private YangValues() {
    }

    /** A {@code yang:date-and-time}: UTC with the 'Z' offset, fraction only when there is one. */
    static String dateAndTime(final Instant instant) {
        return instant.toString();
    }

    /**
     * An {@code inet:ip-address} in the canonical form of RFC 5952 for IPv6 (lower case, the longest run of two or
     * more zero groups as "::", the first such run on a tie), with the zone a link-local address arrived on.
     * Java's own text keeps every zero group, which clients compare badly against what they configured.
     */
    static String ipAddress(final InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address.getHostAddress();
        }
        final byte[] bytes = v6.getAddress();
        final int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < IPV6_GROUPS; i++) {
            int end = i;
            while (end < IPV6_GROUPS && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = Math.max(i, end);
        }
        final var text = new StringBuilder();
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        final String java = address.getHostAddress();
        final int zone = java.indexOf('%');
        return zone < 0 ? text.toString() : text + java.substring(zone);
    }

    /** An {@code inet:port-number}. */
    static Uint16 port(final int port) {
        return Uint16.valueOf(port);
    }

    /** A {@code yang:zero-based-counter64}. */
    static Uint64 counter(final long count) {
        return Uint64.valueOf(count);
    }

    /** A {@code uint32} quantity that saturates rather than wraps, for durations and sizes. */
    static Uint32 saturated(final long value) {
        return Uint32.saturatedOf(value);
    }
}
