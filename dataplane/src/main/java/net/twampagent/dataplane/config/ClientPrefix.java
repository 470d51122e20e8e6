package net.twampagent.dataplane.config;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/**
 * One allowed control-client prefix (Junos {@code client-list NAME address PREFIX <routing-instance [..]>}).
 *
 * @param network the network address (host bits may be set; they are ignored when matching)
 * @param length the prefix length, 0..32 for IPv4 and 0..128 for IPv6
 * @param routingInstances the instances this entry applies to; empty means every instance
 */
public record ClientPrefix(InetAddress network, int length, Set<String> routingInstances) {
    public ClientPrefix {
        Objects.requireNonNull(network, "network");
        final int max = network.getAddress().length * 8;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + max);
        }
        routingInstances = Set.copyOf(routingInstances);
    }

    /** An entry that applies in every routing instance. */
    public static ClientPrefix of(final InetAddress network, final int length) {
        return new ClientPrefix(network, length, Set.of());
    }

    /** Whether {@code address}, arriving in {@code instance}, is inside this prefix. */
    public boolean matches(final InetAddress address, final String instance) {
        if (!routingInstances.isEmpty() && !routingInstances.contains(instance)) {
            return false;
        }
        final byte[] net = network.getAddress();
        final byte[] addr = address.getAddress();
        if (net.length != addr.length) {
            return false;
        }
        int bits = length;
        for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
            final int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((net[i] & mask) != (addr[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + length
            + (routingInstances.isEmpty() ? "" : " routing-instance " + routingInstances);
    }
}
