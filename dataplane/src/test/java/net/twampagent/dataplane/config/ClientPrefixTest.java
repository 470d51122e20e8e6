package net.twampagent.dataplane.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientPrefixTest {
    private static InetAddress ip(final String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void matchesInsideAndNotOutsideAnIpv4Prefix() throws Exception {
        final ClientPrefix prefix = ClientPrefix.of(ip("192.0.2.0"), 25);
        assertTrue(prefix.matches(ip("192.0.2.1"), "default"));
        assertTrue(prefix.matches(ip("192.0.2.127"), "default"));
        assertFalse(prefix.matches(ip("192.0.2.128"), "default"));
        assertFalse(prefix.matches(ip("198.51.100.1"), "default"));
    }

    @Test
    void hostBitsOfTheNetworkAreIgnoredAndOddLengthsWork() throws Exception {
        final ClientPrefix prefix = ClientPrefix.of(ip("10.1.2.3"), 13);
        assertTrue(prefix.matches(ip("10.7.255.255"), "default"));
        assertFalse(prefix.matches(ip("10.8.0.0"), "default"));
    }

    @Test
    void ipv6PrefixesNeverMatchIpv4Clients() throws Exception {
        final ClientPrefix prefix = ClientPrefix.of(ip("2001:db8::"), 32);
        assertTrue(prefix.matches(ip("2001:db8:ffff::1"), "default"));
        assertFalse(prefix.matches(ip("2001:db9::1"), "default"));
        assertFalse(prefix.matches(ip("127.0.0.1"), "default"));
        assertFalse(ClientPrefix.of(ip("0.0.0.0"), 0).matches(ip("::1"), "default"));
    }

    @Test
    void anEntryBoundToInstancesAppliesOnlyThere() throws Exception {
        final ClientPrefix prefix = new ClientPrefix(ip("127.0.0.0"), 8, Set.of("blue"));
        assertTrue(prefix.matches(ip("127.0.0.1"), "blue"));
        assertFalse(prefix.matches(ip("127.0.0.1"), "default"));
    }

    @Test
    void lengthBeyondTheAddressIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> ClientPrefix.of(ip("127.0.0.1"), 33));
        assertThrows(IllegalArgumentException.class, () -> ClientPrefix.of(ip("::1"), 129));
        assertThrows(IllegalArgumentException.class, () -> ClientPrefix.of(ip("::1"), -1));
    }
}
