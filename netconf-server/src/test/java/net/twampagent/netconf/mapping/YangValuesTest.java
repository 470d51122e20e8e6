package net.twampagent.netconf.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YangValuesTest {
    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
        "2001:DB8:AAAA:0:0:0:0:0, 2001:db8:aaaa::",
        "192.0.2.7, 192.0.2.7",
    })
    void addressesInTheCanonicalFormOfRfc5952(final String java, final String yang) {
        assertEquals(yang, YangValues.ipAddress(InetAddress.ofLiteral(java)));
    }

    @Test
    void aLinkLocalAddressKeepsItsZone() throws Exception {
        final var address = Inet6Address.getByAddress(null, InetAddress.ofLiteral("fe80::1").getAddress(), 3);
        assertEquals("fe80::1%3", YangValues.ipAddress(address));
    }

    @Test
    void datesAreUtcWithTheirFraction() {
        assertEquals("2026-11-26T08:00:00Z", YangValues.dateAndTime(Instant.parse("2026-11-26T08:00:00Z")));
        assertEquals("2026-11-26T08:00:00.000001Z",
            YangValues.dateAndTime(Instant.parse("2026-11-26T08:00:00.000001Z")));
    }

    @Test
    void uint32QuantitiesSaturate() {
        assertEquals(4_294_967_295L, YangValues.saturated(1L << 40).longValue());
        assertEquals(0, YangValues.saturated(-5).longValue());
    }
}
